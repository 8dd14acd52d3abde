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

  /** A TCP port nothing listens on at the moment. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
