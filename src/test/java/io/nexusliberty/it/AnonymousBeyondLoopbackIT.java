package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application's own server listening on every interface ({@code HTTP_HOST=*}, as the image and
 * the manifests run it) without authentication: one log line at startup names the settings that
 * secure it or open it; on loopback it still answers (a port-forward, a shell in the pod). Only
 * loopback traffic is sent here; that a request arriving on another interface is answered 503 is
 * decided from the socket's local address (unit-tested in {@code ApiSettingsTest}).
 */
class AnonymousBeyondLoopbackIT {

  @Test
  void listeningBeyondLoopbackWithoutTokensSaysWhatToSet() {
    try (LibertyServer liberty =
        LibertyServer.create(
            "anonymous-everywhere", Map.of("HTTP_HOST", "*", "TEMPORAL_EMBEDDED_PORT", "0"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));

      List<String> refusal =
          liberty.messages().stream()
              .filter(line -> line.contains("The API authenticates no one"))
              .toList();
      assertEquals(1, refusal.size(), "one line: " + refusal);
      assertTrue(refusal.get(0).contains(" E "), "an error: " + refusal);
      for (String setting :
          List.of("http.host=*", "mp.jwt.verify.publickey.location", "api.allow-anonymous=true")) {
        assertTrue(refusal.get(0).contains(setting), "names " + setting + ": " + refusal);
      }
      ApiClient.Answer local =
          new ApiClient(liberty.base()).postJson("api/echo", "{\"message\": \"on loopback\"}");
      assertEquals(200, local.status(), "on loopback: " + local);
    }
  }

  @Test
  void anExplicitChoiceServesAnyoneAndSaysSo() {
    try (LibertyServer liberty =
        LibertyServer.create(
            "anonymous-allowed",
            Map.of(
                "HTTP_HOST", "*", "API_ALLOW_ANONYMOUS", "true", "TEMPORAL_EMBEDDED_PORT", "0"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));

      assertTrue(
          liberty.messages().stream()
              .anyMatch(line -> line.contains(" W ") && line.contains("api.allow-anonymous=true")),
          "a warning names the choice");
      assertTrue(
          liberty.messages().stream().noneMatch(line -> line.contains("authenticates no one")),
          "no refusal");
    }
  }
}
