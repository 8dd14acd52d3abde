package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against a real Temporal server, the workers' identity and sizes set through environment variables
 * (a Liberty server of the test's own, configured by its server.env) are the ones in force: the
 * server reports the identity polling each task queue, the JVM runs the configured number of poller
 * threads, and {@code /api/connection} shows the sizes.
 */
@ExtendWith(RequiresTemporalCli.class)
class WorkerTuningIT {

  private static final String IDENTITY = "tuned-worker-7";
  private static final String HANDLER_QUEUE = "it-tuned-handler";
  private static final String CALLER_QUEUE = "it-tuned-caller";

  @Test
  void identityAndSizesFromTheEnvironmentAreInForce() {
    TemporalDevServer temporal = TemporalDevServer.shared();
    Map<String, String> environment =
        Map.of(
            "TEMPORAL_ADDRESS", temporal.address(),
            "TEMPORAL_PROVISION", "true",
            "TEMPORAL_NEXUS_ENDPOINT", "it-tuned",
            "TEMPORAL_HANDLER_TASK_QUEUE", HANDLER_QUEUE,
            "TEMPORAL_CALLER_TASK_QUEUE", CALLER_QUEUE,
            "TEMPORAL_WORKER_IDENTITY", IDENTITY,
            "TEMPORAL_HANDLER_NEXUS_POLLERS", "1",
            "TEMPORAL_HANDLER_WORKFLOW_POLLERS", "3",
            "TEMPORAL_HANDLER_MAX_CONCURRENT_NEXUS_TASKS", "16");
    try (LibertyServer liberty = LibertyServer.create("tuned", environment)) {
      liberty.start();
      RealServerChecks server = new RealServerChecks(temporal);
      List<String> nexusPollers =
          RealServerChecks.await(
              () -> server.nexusPollers(HANDLER_NAMESPACE, HANDLER_QUEUE),
              pollers -> !pollers.isEmpty(),
              Duration.ofSeconds(120));
      assertEquals(List.of(IDENTITY), nexusPollers, "Nexus pollers of " + HANDLER_QUEUE);
      assertEquals(
          List.of(IDENTITY),
          RealServerChecks.await(
              () -> server.workflowPollers(CALLER_NAMESPACE, CALLER_QUEUE),
              pollers -> !pollers.isEmpty(),
              Duration.ofSeconds(30)),
          "workflow pollers of " + CALLER_QUEUE);

      String threads = liberty.jcmd("Thread.print");
      assertEquals(
          1,
          pollerThreads(threads, "Nexus Poller", HANDLER_QUEUE, HANDLER_NAMESPACE),
          "Nexus poller threads of the handler");
      assertEquals(
          3,
          pollerThreads(threads, "Workflow Poller", HANDLER_QUEUE, HANDLER_NAMESPACE),
          "workflow poller threads of the handler");
      assertEquals(
          5,
          pollerThreads(threads, "Workflow Poller", CALLER_QUEUE, CALLER_NAMESPACE),
          "workflow poller threads of the caller (the default)");

      JsonObject connection = new ApiClient(liberty.base()).get("api/connection").json();
      assertEquals(IDENTITY, connection.getString("workerIdentity"));
      JsonObject handler = connection.getJsonObject("workerTuning").getJsonObject("handler");
      assertEquals(16, handler.getInt("maxConcurrentNexusTasks"));
      assertEquals(1, handler.getInt("nexusPollers"));
      assertTrue(
          liberty.messages().stream()
              .anyMatch(
                  line ->
                      line.contains("workers " + IDENTITY + ", workflow cache 600")
                          && line.contains(
                              "handler: 200 workflow and 16 Nexus task slots, 3 and 1 pollers")),
          "the startup line shows the sizes");
    }
  }

  /** The threads whose names start as the SDK names a poller of this task queue and namespace. */
  private static long pollerThreads(String dump, String kind, String queue, String namespace) {
    String prefix = "\"" + kind + " taskQueue=\"" + queue + "\", namespace=\"" + namespace + "\"";
    return dump.lines().filter(line -> line.startsWith(prefix)).count();
  }
}
