package io.nexusliberty.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments of the real WAR that {@code mvn package} built, each with its own settings in {@code
 * META-INF/microprofile-config.properties}, after the defaults the WAR carries there: that source
 * ranks below the environment and server variables, as a packaged application's settings would.
 */
final class TestWar {

  /** Where the WAR keeps its settings' defaults. */
  private static final String PROPERTIES =
      "/WEB-INF/classes/META-INF/microprofile-config.properties";

  private final String name;
  private final Map<String, String> settings = new TreeMap<>();

  private TestWar(String name) {
    this.name = name;
  }

  /**
   * The application under a name of its own (its context root), on an embedded server on a free
   * port so that tests never meet a Temporal server a developer is running.
   */
  static TestWar named(String name) {
    return new TestWar(name).with("temporal.embedded.port", "0");
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
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(war)));
    // The test's settings after the WAR's defaults: the later of two equal keys wins.
    String properties =
        defaults(archive)
            + settings.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "\n", "\n"));
    archive.delete(PROPERTIES);
    return archive.add(new StringAsset(properties), PROPERTIES);
  }

  private static String defaults(WebArchive archive) {
    Node node = archive.get(PROPERTIES);
    if (node == null) {
      throw new IllegalStateException("The WAR has no " + PROPERTIES);
    }
    try (InputStream in = node.getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
