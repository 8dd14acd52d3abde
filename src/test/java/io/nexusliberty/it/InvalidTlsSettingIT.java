package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client certificate without its key stops the application at startup, with one log line that
 * names the property to fix; nothing starts half-configured.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidTlsSettingIT {

  @Deployment(testable = false)
  @ShouldThrowException(Exception.class)
  static WebArchive deployment() {
    return TestWar.named("invalid-tls")
        .with("temporal.address", "127.0.0.1:" + TestWar.freePort())
        .with("temporal.tls.client-cert-path", certificateFile().toString())
        .build();
  }

  @Test
  void startupFailsNamingTheMissingKeyProperty() throws Exception {
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    String expected =
        "Invalid setting temporal.tls.client-key-path (environment variable"
            + " TEMPORAL_TLS_CLIENT_KEY_PATH): not set (nor temporal.tls.client-key-data), but"
            + " temporal.tls.client-cert-path is";

    List<String> lines = awaitLines(messages, expected, Duration.ofSeconds(30));

    assertTrue(
        lines.stream().anyMatch(line -> line.contains(" E " + expected)),
        "an error line naming the property, in " + messages + ": " + lines);
    assertTrue(
        Files.readAllLines(messages).stream()
            .anyMatch(
                line ->
                    line.contains("CWWKZ0012I") && line.contains("invalid-tls")
                        || line.contains("CWWKZ0002E") && line.contains("invalid-tls")),
        "Liberty reports that invalid-tls did not start");
    assertEquals(
        0,
        Files.readAllLines(messages).stream()
            .filter(
                line -> line.contains("Temporal workers ") && line.contains("/invalid-tls started"))
            .count(),
        "no worker may start");
  }

  private static List<String> awaitLines(Path log, String text, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> lines =
          Files.readAllLines(log).stream().filter(line -> line.contains(text)).toList();
      if (!lines.isEmpty() || System.nanoTime() > deadline) {
        return lines;
      }
      Thread.sleep(250);
    }
  }

  private static Path certificateFile() {
    try {
      Path file = Files.createTempFile("client-cert", ".pem");
      file.toFile().deleteOnExit();
      return Files.writeString(
          file, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
