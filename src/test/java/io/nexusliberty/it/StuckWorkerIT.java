package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liveness means the worker threads are not stuck: a task that runs longer than {@code
 * temporal.stuck-task-timeout} turns /health/live DOWN, naming the task, and once it ends the
 * application is live again. Here the tasks are held by a Temporal server frozen with SIGSTOP while
 * the workers are busy (with a 2 s limit; the default, 5 minutes, outlasts any retry of a call to
 * an unresponsive server, so an outage alone never reads as stuck).
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class StuckWorkerIT {

  private static final Logger LOG = Logger.getLogger(StuckWorkerIT.class.getName());
  private static final int ATTEMPTS = 3;
  private static TemporalDevServer temporal;

  @Deployment(testable = false)
  static WebArchive deployment() {
    temporal = TemporalDevServer.start(List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE));
    return TestWar.named("stuck-worker")
        .with("temporal.address", temporal.address())
        .with("temporal.nexus.endpoint", "it-stuck-worker")
        .with("temporal.provision", "true")
        .with("temporal.stuck-task-timeout", "2s")
        .build();
  }

  @AfterAll
  static void stopServer() {
    if (temporal != null) {
      temporal.close();
    }
  }

  @ArquillianResource URL base;

  @Test
  void aTaskHeldPastTheLimitMakesTheApplicationNotLiveUntilItEnds() throws Exception {
    HealthChecks health = new HealthChecks(base);
    assertEquals(200, health.awaitReady(200, Duration.ofSeconds(60)).status(), "ready at first");
    ApiClient api = new ApiClient(base);
    List<String> accepted = new ArrayList<>();

    ApiClient.Answer notLive = null;
    for (int attempt = 1; attempt <= ATTEMPTS && notLive == null; attempt++) {
      // Keep the workers busy, then freeze the server under them: their calls to it hang.
      for (int i = 0; i < 20; i++) {
        ApiClient.Answer answer =
            api.postJson(
                "api/hello?wait=false",
                Json.createObjectBuilder()
                    .add("name", "Stuck " + attempt + "-" + i)
                    .add("language", "de")
                    .build()
                    .toString());
        assertEquals(202, answer.status(), "accepted: " + answer);
        accepted.add(answer.json().getString("workflowId"));
      }
      temporal.pause();
      try {
        ApiClient.Answer live =
            RealServerChecks.await(
                () -> health.get("health/live"),
                answer -> answer.status() == 503,
                Duration.ofSeconds(15));
        if (live.status() == 503) {
          notLive = live;
        } else {
          LOG.info("No task was in flight when the server froze; trying again");
        }
      } finally {
        temporal.resume();
      }
    }

    assertTrue(notLive != null, "/health/live went DOWN while a task was held past the limit");
    JsonObject check = HealthChecks.temporalCheck(notLive);
    assertEquals("DOWN", check.getString("status"));
    String stuck = check.getJsonObject("data").getString("stuck");
    assertTrue(stuck.contains("has been running for"), "names the task and its age: " + stuck);
    assertTrue(stuck.contains("temporal.stuck-task-timeout=PT2S"), "names the setting: " + stuck);
    LOG.info(() -> "While the server was frozen: " + check);

    ApiClient.Answer liveAgain =
        RealServerChecks.await(
            () -> health.get("health/live"),
            answer -> answer.status() == 200,
            Duration.ofSeconds(120));
    assertEquals(200, liveAgain.status(), "live again once the held tasks ended: " + liveAgain);
    for (String workflowId : accepted) {
      JsonObject status =
          RealServerChecks.await(
              () -> api.get("api/workflows/" + workflowId).json(),
              json -> !"running".equals(json.getString("status", "")),
              Duration.ofSeconds(120));
      assertEquals(
          "completed", status.getString("status"), "every call still completes: " + status);
    }
  }
}
