package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Eager start, on the embedded server: the start of a caller workflow carries its first workflow
 * task back to the instance's own caller worker, so the worker polls once per echo call (for the
 * task that follows the Nexus operation) instead of twice. Measured from the SDK's own poll counter
 * in {@code /metrics}, beside the same server with {@code temporal.caller.eager-start=false}; every
 * call answers right either way.
 */
class EagerStartIT {

  private static final Logger LOG = Logger.getLogger(EagerStartIT.class.getName());
  private static final int CALLS = 40;

  @Test
  void theFirstWorkflowTaskOfEachCallIsNotPolledForWhenEager() {
    double eager = polledPerCall("eager-on", Map.of());
    double polled = polledPerCall("eager-off", Map.of("TEMPORAL_CALLER_EAGER_START", "false"));
    LOG.info(
        () ->
            String.format(
                "first workflow tasks polled from the caller task queue per echo call: eager %.2f,"
                    + " eager off %.2f",
                eager, polled));
    assertTrue(eager <= 0.1, "eager: the first task comes with the start: " + eager);
    assertTrue(polled >= 0.9, "not eager: the first task is polled: " + polled);
  }

  /** Workflow tasks polled from the caller task queue per echo call. */
  private static double polledPerCall(String name, Map<String, String> settings) {
    Map<String, String> environment =
        new HashMap<>(Map.of("TEMPORAL_EMBEDDED_PORT", String.valueOf(TestWar.freePort())));
    environment.putAll(settings);
    try (LibertyServer liberty = LibertyServer.create(name, environment)) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(90));
      ApiClient api = new ApiClient(liberty.base());
      // One call first, so that every poller has settled before counting.
      assertEquals(200, api.postJson("api/echo", "{\"message\": \"warm\"}").status());
      double before = polledTasks(api);
      for (int i = 0; i < CALLS; i++) {
        ApiClient.Answer answer = api.postJson("api/echo", "{\"message\": \"call " + i + "\"}");
        assertEquals(200, answer.status(), name + ": " + answer);
        assertEquals("call " + i, answer.json().getString("result"), name);
      }
      double after = polledTasks(api);
      liberty.stop(LibertyServer.Stop.SIGTERM);
      return (after - before) / CALLS;
    }
  }

  /** How many workflow tasks the caller worker polled from its (not sticky) task queue. */
  private static double polledTasks(ApiClient api) {
    ApiClient.Answer metrics = api.get("metrics");
    assertEquals(200, metrics.status(), "GET /metrics");
    return metrics
        .body()
        .lines()
        .filter(
            line ->
                line.startsWith("temporal_workflow_task_schedule_to_start_latency_seconds_count{"))
        .filter(line -> line.contains("namespace=\"my-caller-namespace\""))
        .filter(line -> line.contains("task_queue=\"my-caller-workflow-task-queue\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
