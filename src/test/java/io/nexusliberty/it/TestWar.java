package io.nexusliberty.it;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments of the real WAR that {@code mvn package} built, each with its own settings: a
 * configuration source in a library of the WAR ({@code META-INF/microprofile-config.properties}
 * with {@code config_ordinal=200}) that ranks above the WAR's defaults (100) and below the
 * environment (300) and server variables (500), as settings a packaged deployment adds would.
 */
final class TestWar {

  /** Above the WAR's own defaults, below the environment. */
  private static final int ORDINAL = 200;

  private final String name;
  private final Map<String, String> settings = new TreeMap<>();

  private TestWar(String name) {
    this.name = name;
  }

  /**
   * The application under a name of its own (its context root), on an embedded server on a free
   * port, reading no Temporal client configuration file, so that tests never meet a Temporal server
   * or profile a developer has.
   */
  static TestWar named(String name) {
    return new TestWar(name)
        .with("temporal.embedded.port", "0")
        .with("temporal.config-file", "none");
  }

  TestWar with(String property, String value) {
    settings.put(property, value);
    return this;
  }

  WebArchive build() {
    String war = System.getProperty("app.war");
    if (war == null || !new File(war).isFile()) {
      throw new IllegalStateException(
          "The application WAR (system property app.war) is missing; run the tests with mvn verify");
    }
    Properties properties = new Properties();
    properties.setProperty("config_ordinal", Integer.toString(ORDINAL));
    properties.putAll(settings);
    StringWriter text = new StringWriter();
    try {
      properties.store(text, "Settings of the test deployment " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaArchive library =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset(text.toString()), "microprofile-config.properties");
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(war)))
        .addAsLibrary(library);
  }

  /**
   * Ports handed out by {@link #freePort()}, each only once per test run, and the ports the build
   * reserved for the integration-test server, which binds them only when its first test runs.
   */
  private static final java.util.Set<Integer> HANDED_OUT = reservedByTheBuild();

  private static java.util.Set<Integer> reservedByTheBuild() {
    java.util.Set<Integer> ports = new java.util.HashSet<>();
    for (String property : new String[] {"it.http.port", "it.https.port"}) {
      Integer port = Integer.getInteger(property);
      if (port != null) {
        ports.add(port);
      }
    }
    return ports;
  }

  /**
   * A TCP port nothing listens on at the moment, below the system's range of ephemeral ports: a
   * server may take a minute to bind it, and a port of that range can meanwhile become the local
   * end of one of the many connections the tests open (a Liberty server then fails to start with
   * "Address already in use").
   */
  static synchronized int freePort() {
    int ephemeralLow = 32768;
    try {
      ephemeralLow =
          Integer.parseInt(
              // readAllLines, not readString: a /proc file reports a size of 0.
              java.nio.file.Files.readAllLines(
                      java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                  .get(0)
                  .trim()
                  .split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      // Not Linux: the usual range's start.
    }
    int low = Math.max(1024, ephemeralLow - 20_000);
    if (ephemeralLow - low < 1000) {
      // No room below the ephemeral range: let the system choose.
      low = ephemeralLow;
    }
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 1000 && low < ephemeralLow; attempt++) {
      int port = low + random.nextInt(ephemeralLow - low);
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port)) {
        HANDED_OUT.add(port);
        return socket.getLocalPort();
      } catch (IOException inUse) {
        // Taken: try another.
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
