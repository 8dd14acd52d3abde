package io.nexusliberty.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for tests: a database cluster of its own in a directory under {@code
 * target/}, listening on a free loopback port only (no Unix socket), with one superuser that
 * loopback connections need no password for. PostgreSQL refuses to run as root, so under root it
 * runs as the {@code postgres} user that Debian's package creates. The binaries are found through
 * {@code PG_BIN}, Debian's {@code /usr/lib/postgresql/<version>/bin} or the PATH.
 */
final class TestPostgres implements AutoCloseable {

  /** The superuser the Temporal services connect as. */
  static final String USER = "temporal";

  private static final String SYSTEM_USER = "postgres";

  private final Path data;
  private final int port;
  private final Process process;

  private TestPostgres(Path bin, Path directory, int port) {
    this.data = directory.resolve("data");
    this.port = port;
    Path log = directory.resolve("postgres.log");
    try {
      Files.createDirectories(data);
      if (root()) {
        handOver(directory);
      }
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              USER,
              "--auth=trust",
              "-E",
              "UTF8",
              "--locale=C"),
          directory.resolve("initdb.log"));
      process =
          new ProcessBuilder(
                  asSystemUser(
                      List.of(
                          bin.resolve("postgres").toString(),
                          "-D",
                          data.toString(),
                          "-p",
                          String.valueOf(port),
                          "-c",
                          "listen_addresses=127.0.0.1",
                          "-c",
                          "unix_socket_directories=",
                          "-c",
                          "max_connections=300")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL from " + bin, e);
    }
    awaitListening(log);
  }

  /** The directory of PostgreSQL's server binaries, or empty when this machine has none. */
  static Optional<Path> binaries() {
    String configured = System.getenv("PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(TestPostgres::hasServer);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .map(version -> version.resolve("bin"))
                .filter(TestPostgres::hasServer)
                .max(Comparator.comparing(path -> path.getParent().getFileName().toString()));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory);
      if (hasServer(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean hasServer(Path directory) {
    return Files.isExecutable(directory.resolve("initdb"))
        && Files.isExecutable(directory.resolve("postgres"));
  }

  /** A new database cluster in this directory, started on a free loopback port. */
  static TestPostgres start(Path directory) {
    Path bin =
        binaries().orElseThrow(() -> new IllegalStateException(RequiresTemporalCluster.HOW_TO));
    return new TestPostgres(bin, directory, TestWar.freePort());
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Gives the directory to the postgres user, who runs the server under root. */
  private static void handOver(Path directory) throws IOException {
    UserPrincipal owner =
        directory
            .getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(SYSTEM_USER);
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.toList()) {
        Files.setOwner(path, owner);
      }
    }
  }

  /** The command as the postgres user when this JVM runs as root (setpriv execs it: same PID). */
  private static List<String> asSystemUser(List<String> command) {
    if (!root()) {
      return command;
    }
    List<String> wrapped =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + SYSTEM_USER,
                "--regid=" + SYSTEM_USER,
                "--init-groups",
                "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(List<String> command, Path log) throws IOException {
    try {
      Process process =
          new ProcessBuilder(asSystemUser(command))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitListening(Path log) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited with " + process.exitValue() + "; see " + log);
      }
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        TemporalDevServer.sleep(Duration.ofMillis(100));
      }
    }
    close();
    throw new IllegalStateException(
        "PostgreSQL did not listen on " + port + " in 60 s; see " + log);
  }

  /** Stops the server: a fast shutdown (SIGINT, which ends its sessions), then by force. */
  @Override
  public void close() {
    ProcessHandle handle = process.toHandle();
    try {
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    } catch (IOException e) {
      handle.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
