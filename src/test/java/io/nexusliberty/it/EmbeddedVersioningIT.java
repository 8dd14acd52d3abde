package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded server does not support Worker Deployment Versioning: with a deployment name and a
 * build ID set, the application runs its workers unversioned, says so once, and answers as always.
 */
class EmbeddedVersioningIT {

  @Test
  void versionSettingsOnTheEmbeddedServerWarnAndChangeNothing() {
    try (LibertyServer liberty =
        LibertyServer.create(
            "embedded-versioning",
            Map.of(
                "TEMPORAL_EMBEDDED_PORT", "0",
                "TEMPORAL_WORKER_DEPLOYMENT_NAME", "nexus-hello",
                "TEMPORAL_WORKER_BUILD_ID", "1"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));

      ApiClient api = new ApiClient(liberty.base());
      ApiClient.Answer hello =
          api.postJson("api/hello", "{\"name\": \"Ada\", \"language\": \"en\"}");
      assertEquals(200, hello.status(), "POST /api/hello: " + hello);
      assertEquals("Hello Ada 👋", hello.json().getString("result"));

      JsonObject connection = api.get("api/connection").json();
      assertTrue(
          connection.getJsonObject("workerVersioning").isEmpty(),
          "no versioned role: " + connection);
      assertEquals(
          1,
          liberty.messages().stream()
              .filter(
                  line ->
                      line.contains(
                          "temporal.worker.deployment-name and temporal.worker.build-id are set,"
                              + " but the embedded Temporal test server does not support"))
              .count(),
          "one warning naming the settings");
      assertTrue(
          liberty.messages().stream()
              .anyMatch(
                  line ->
                      line.contains("versioning: off (the embedded server does not support it)")),
          "the startup line says so");
    }
  }
}
