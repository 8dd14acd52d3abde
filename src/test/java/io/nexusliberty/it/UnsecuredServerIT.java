package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code api.auth-required=true} on a server with no security feature at all (a bare server of the
 * README's features): nothing can authenticate a caller, so the API and the metrics answer 503,
 * naming the problem, instead of serving anyone. The page stays up.
 */
class UnsecuredServerIT {

  @Test
  void theApiRefusesToServeAnyone() {
    try (LibertyServer liberty =
        LibertyServer.bare(
            "unsecured",
            BareLibertyIT.FEATURES,
            Map.of("API_AUTH_REQUIRED", "true", "TEMPORAL_EMBEDDED_PORT", "0"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));
      ApiClient api = new ApiClient(liberty.base());
      for (String path : List.of("api/connection", "metrics")) {
        ApiClient.Answer answer = api.get(path);
        assertEquals(503, answer.status(), "GET /" + path + ": " + answer);
        assertTrue(answer.isProblem(), "a problem document: " + answer);
        assertEquals("Authentication unavailable", answer.json().getString("title"));
      }
      ApiClient.Answer post = api.postJson("api/echo", "{\"message\": \"x\"}");
      assertEquals(503, post.status(), "POST /api/echo: " + post);
      assertEquals(200, api.get("").status(), "the page");
      assertTrue(
          liberty.messages().stream().anyMatch(line -> line.contains("api.auth-required=true")),
          "the log says why");
    }
  }
}
