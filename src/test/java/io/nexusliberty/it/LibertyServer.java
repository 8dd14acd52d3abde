package io.nexusliberty.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Liberty server of its own, run the way an operator runs one: the application's server.xml, the
 * built WAR in {@code apps/}, settings in {@code server.env} (those of several lines in the process
 * environment, as a container platform passes a secret), started in the foreground with the server
 * script ({@code bin/server run}, whose process is the server's JVM) so that the test can send it
 * real signals, and stopped with SIGKILL, SIGTERM or {@code bin/server stop} (what {@code mvn
 * liberty:stop} runs).
 */
final class LibertyServer implements AutoCloseable {

  /** How a test stops the server. */
  enum Stop {
    SIGKILL,
    SIGTERM,
    SERVER_STOP
  }

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

  private final Path wlp;
  private final String name;
  private final Path directory;
  private final int httpPort;
  private Process process;

  private final String contextRoot;

  /** Variables server.env cannot hold (several lines, such as a PEM certificate). */
  private final Map<String, String> processEnvironment;

  /**
   * @param serverXml the server's server.xml
   * @param application where the WAR goes: {@code apps/} (named in server.xml) or {@code dropins/}
   * @param portVariables the names of the HTTP and HTTPS port variables server.xml uses
   */
  private LibertyServer(
      Path wlp,
      String name,
      String serverXml,
      String application,
      List<String> portVariables,
      Map<String, String> settings,
      Path war) {
    // No Temporal client configuration file a developer has, unless the test names one.
    Map<String, String> environment = new TreeMap<>(Map.of("TEMPORAL_CONFIG_FILE", "none"));
    environment.putAll(settings);
    this.wlp = wlp;
    this.name = name;
    this.directory = wlp.resolve("usr/servers").resolve(name);
    this.httpPort = TestWar.freePort();
    this.contextRoot = application.startsWith("dropins/") ? "/nexus-liberty/" : "/";
    this.processEnvironment =
        environment.entrySet().stream()
            .filter(entry -> entry.getValue().contains("\n"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    try {
      deleteRecursively(directory);
      Files.deleteIfExists(console());
      Files.createDirectories(directory.resolve(application).getParent());
      Files.writeString(directory.resolve("server.xml"), serverXml);
      Files.copy(war, directory.resolve(application), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          directory.resolve("bootstrap.properties"),
          portVariables.get(0)
              + "="
              + httpPort
              + "\n"
              + portVariables.get(1)
              + "="
              + TestWar.freePort()
              + "\n");
      Files.writeString(
          directory.resolve("server.env"),
          environment.entrySet().stream()
              .filter(entry -> !entry.getValue().contains("\n"))
              .map(entry -> entry.getKey() + "=" + entry.getValue())
              .collect(Collectors.joining("\n", "", "\n")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Liberty server " + directory, e);
    }
  }

  /** The settings of the project's own server.env (src/main/liberty/config), if it has one. */
  private static Map<String, String> projectServerEnv() throws IOException {
    Path serverEnv = Path.of("src/main/liberty/config/server.env");
    Map<String, String> settings = new TreeMap<>();
    if (Files.exists(serverEnv)) {
      for (String line : Files.readAllLines(serverEnv)) {
        int equals = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
          settings.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
      }
    }
    return settings;
  }

  /**
   * A server named {@code name} in the build's Liberty installation (system property {@code
   * it.wlp.dir}), replacing any left from an earlier run, with the application's server.xml,
   * jvm.options and server.env, and these environment variables.
   */
  static LibertyServer create(String name, Map<String, String> environment) {
    return create(name, builtWar(), environment);
  }

  /** The WAR the build made. */
  static Path builtWar() {
    return Path.of(System.getProperty("app.war"));
  }

  /**
   * A server as {@link #create(String, Map)} makes it, running this WAR instead of the built one.
   */
  static LibertyServer create(String name, Path war, Map<String, String> environment) {
    try {
      Map<String, String> withProjects = new TreeMap<>(projectServerEnv());
      withProjects.putAll(environment);
      LibertyServer server =
          new LibertyServer(
              wlp(),
              name,
              Files.readString(Path.of("src/main/liberty/config/server.xml")),
              "apps/nexus-liberty.war",
              List.of("http.port", "https.port"),
              withProjects,
              war);
      Path jvmOptions = Path.of("src/main/liberty/config/jvm.options");
      if (Files.exists(jvmOptions)) {
        Files.copy(jvmOptions, server.directory.resolve("jvm.options"));
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A bare server, as {@code server create} makes one: a server.xml that lists these features and
   * the default HTTP endpoint, and the WAR as it was built, dropped into {@code dropins/}.
   */
  static LibertyServer bare(String name, List<String> features, Map<String, String> environment) {
    String serverXml =
        features.stream()
            .map(feature -> "        <feature>" + feature + "</feature>\n")
            .collect(
                Collectors.joining(
                    "",
                    "<server>\n    <featureManager>\n",
                    "    </featureManager>\n"
                        + "    <httpEndpoint id=\"defaultHttpEndpoint\" httpPort=\"${default.http.port}\""
                        + " httpsPort=\"${default.https.port}\"/>\n</server>\n"));
    return new LibertyServer(
        wlp(),
        name,
        serverXml,
        "dropins/nexus-liberty.war",
        List.of("default.http.port", "default.https.port"),
        environment,
        builtWar());
  }

  private static Path wlp() {
    String wlp = System.getProperty("it.wlp.dir");
    if (wlp == null || !Files.isExecutable(Path.of(wlp, "bin", "server"))) {
      throw new IllegalStateException(
          "No Liberty installation (system property it.wlp.dir); run the tests with mvn verify");
    }
    return Path.of(wlp);
  }

  /** The server's root URL, where Liberty serves {@code /health}. */
  URL serverRoot() {
    try {
      return new URL("http://localhost:" + httpPort + "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The application's root URL. */
  URL base() {
    try {
      return new URL("http://localhost:" + httpPort + contextRoot);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the server in the background; it is ready when its health endpoint says so. */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("Liberty server " + name + " is already running");
    }
    ProcessBuilder builder =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile()));
    // Only the test configures the application: nothing from the shell that runs the build.
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TEMPORAL_"));
    builder.environment().putAll(processEnvironment);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Liberty server " + name, e);
    }
  }

  /** Stops the server this way and waits for its process to end; returns how long that took. */
  Duration stop(Stop how) {
    long start = System.nanoTime();
    switch (how) {
      case SIGKILL -> process.destroyForcibly();
      case SIGTERM -> process.destroy();
      case SERVER_STOP -> serverStop();
    }
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "Liberty server " + name + " did not exit within " + EXIT_TIMEOUT + " of " + how);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void serverStop() {
    try {
      Process stop =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile()))
              .start();
      if (!stop.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        stop.destroyForcibly();
        throw new AssertionError("bin/server stop " + name + " did not return");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds server configuration, as an operator does in {@code configDropins/overrides/}: features,
   * registries, the application's bindings. Call before {@link #start()}.
   */
  LibertyServer configure(String fileName, String serverXml) {
    try {
      Path overrides = directory.resolve("configDropins/overrides");
      Files.createDirectories(overrides);
      Files.writeString(overrides.resolve(fileName), serverXml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Where the server's console output goes: every start of this server, one after another. */
  Path console() {
    return Path.of("target", "liberty-" + name + "-console.log");
  }

  /** The lines of the server's current messages.log (Liberty rolls it over at each start). */
  List<String> messages() {
    try {
      return Files.readAllLines(directory.resolve("logs/messages.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until {@code /health/ready} answers 200, failing with the last answer and the log if it
   * does not within {@code timeout}.
   */
  void awaitReady(Duration timeout) {
    HealthChecks health = new HealthChecks(serverRoot());
    ApiClient.Answer ready =
        RealServerChecks.await(
            () -> {
              try {
                return health.ready();
              } catch (UncheckedIOException notListeningYet) {
                return null;
              }
            },
            answer -> answer != null && answer.status() == 200,
            timeout);
    if (ready == null || ready.status() != 200) {
      throw new AssertionError(
          "Liberty server "
              + name
              + " not ready within "
              + timeout
              + ": "
              + ready
              + "; log: "
              + messagesIfAny());
    }
  }

  /** The process ID of the server's JVM ({@code bin/server run} becomes it). */
  long pid() {
    return process.pid();
  }

  /** What a {@code jcmd} diagnostic command (such as {@code Thread.print}) says of the JVM. */
  String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process diagnostic =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
              .redirectErrorStream(true)
              .start();
      String output =
          new String(diagnostic.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      diagnostic.waitFor();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The lines of messages.log, none while the server has not written it yet. */
  List<String> messagesIfAny() {
    return Files.exists(directory.resolve("logs/messages.log")) ? messages() : List.of();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop(Stop.SIGKILL);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
