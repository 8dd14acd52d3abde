package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.service.HelloInput;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team releases a changed handler workflow while calls wait on the old one, on a real Temporal
 * server. Release 1 of {@code HelloHandlerWorkflow} waits on a timer (40 s) before it greets;
 * release 2 first records which release greeted, then waits 1 s: replaying a release-1 history
 * against release 2 is a non-determinism failure. Both are the application's WAR with that one
 * class changed ({@link HandlerRelease}).
 *
 * <p>Without versioning, release 2 takes over the calls release 1 started and fails them (the test
 * shows the failed workflow tasks). With {@code TEMPORAL_WORKER_DEPLOYMENT_NAME} and {@code
 * TEMPORAL_WORKER_BUILD_ID}, and {@code TEMPORAL_WORKER_PROMOTE=true}: release 2 starts beside
 * release 1 and becomes current, new calls run on release 2, the waiting calls finish on release 1,
 * release 1's log says it is drained, and it stops: every call right, no workflow task failure in
 * any history. Restarted with the same settings, release 1 then leaves release 2 current. The table
 * (also {@code target/rollout.txt}) shows, for each call, the build IDs of the workers that
 * completed its caller and handler workflow tasks ("-": unversioned) and the workflow task failures
 * in both histories.
 */
@ExtendWith(RequiresTemporalCli.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutIT {

  private static final Logger LOG = Logger.getLogger(RolloutIT.class.getName());
  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration CALLS_DONE = Duration.ofSeconds(150);
  private static final int WAITING_CALLS = 3;
  private static final int NEW_CALLS = 3;
  private static final String DEPLOYMENT = "nexus-hello";
  private static final List<String> table = new ArrayList<>();

  /**
   * A row: the calls, the handler workflow, its status, the builds that ran each side, failures.
   */
  private static final String FORMAT = "%-28s %-30s %-10s %-7s %-8s %s";

  /** A call the API accepted: its caller workflow, and the handler workflow its input runs. */
  private record Call(String name, String callerWorkflowId, String handlerWorkflowId) {
    String expected() {
      return "Hello " + name + " 👋";
    }
  }

  @Test
  @Order(1)
  void withoutVersioningTheNewReleaseFailsTheCallsInFlight() throws Exception {
    Path release1 = HandlerRelease.war("v1");
    Path release2 = HandlerRelease.war("v2");
    try (TemporalDevServer temporal =
        TemporalDevServer.start(List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE))) {
      List<Call> waiting;
      try (LibertyServer first = start("rollout-plain-1", release1, temporal, Map.of())) {
        waiting = hellos(first, "plain-waiting", WAITING_CALLS);
        awaitTimers(temporal, waiting);
        first.stop(LibertyServer.Stop.SIGTERM);
      }
      try (LibertyServer second = start("rollout-plain-2", release2, temporal, Map.of())) {
        // Release 1's timers fire; release 2 replays their histories and cannot.
        Map<Call, List<String>> failures = new LinkedHashMap<>();
        for (Call call : waiting) {
          failures.put(
              call,
              RealServerChecks.await(
                  () -> workflowTaskFailures(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()),
                  found -> !found.isEmpty(),
                  Duration.ofSeconds(90)));
        }
        for (Call call : waiting) {
          JsonObject status = status(second, call);
          table.add(
              row(
                  "unversioned, release 1 -> 2",
                  call,
                  status,
                  buildIds(temporal, CALLER_NAMESPACE, call.callerWorkflowId()),
                  buildIds(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()),
                  failures.get(call).size() + " (" + failures.get(call).get(0) + ")"));
          assertEquals("running", status.getString("status"), "a call release 2 cannot replay");
        }
        failures.forEach(
            (call, found) ->
                assertTrue(
                    found.stream().anyMatch(cause -> cause.contains("NON_DETERMINISTIC")),
                    call.handlerWorkflowId() + " failed otherwise: " + found));
        second.stop(LibertyServer.Stop.SIGTERM);
      }
    }
  }

  @Test
  @Order(2)
  void withVersioningTheCallsInFlightFinishOnTheirRelease() throws Exception {
    Path release1 = HandlerRelease.war("v1");
    Path release2 = HandlerRelease.war("v2");
    // Drainage is checked every few seconds instead of every three minutes.
    try (TemporalDevServer temporal =
        TemporalDevServer.withDynamicConfig(
            List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE),
            List.of(
                "matching.wv.VersionDrainageStatusVisibilityGracePeriod=5",
                "matching.wv.VersionDrainageStatusRefreshInterval=2"))) {
      LibertyServer first = start("rollout-versioned-1", release1, temporal, version("1"));
      LibertyServer second = null;
      try {
        awaitState(first, "handler", "current");
        assertTrue(
            first.messages().stream()
                .anyMatch(
                    line ->
                        line.contains(
                            "versioning: caller deployment nexus-hello, build 1, pinned by default,"
                                + " made current on start, handler deployment nexus-hello, build"
                                + " 1")),
            "the startup line shows each role's version");
        List<Call> waiting = hellos(first, "versioned-waiting", WAITING_CALLS);
        awaitTimers(temporal, waiting);

        second = start("rollout-versioned-2", release2, temporal, version("2"));
        awaitState(second, "handler", "current");
        awaitState(first, "handler", "draining");
        List<Call> fresh = hellos(second, "versioned-new", NEW_CALLS);

        List<Call> all = new ArrayList<>(waiting);
        all.addAll(fresh);
        for (Call call : all) {
          JsonObject status = awaitDone(second, call);
          List<String> failures = new ArrayList<>();
          failures.addAll(
              workflowTaskFailures(temporal, CALLER_NAMESPACE, call.callerWorkflowId()));
          failures.addAll(
              workflowTaskFailures(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()));
          table.add(
              row(
                  waiting.contains(call) ? "versioned, before release 2" : "versioned, after",
                  call,
                  status,
                  buildIds(temporal, CALLER_NAMESPACE, call.callerWorkflowId()),
                  buildIds(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()),
                  String.valueOf(failures.size())));
          assertEquals("completed", status.getString("status"), call + ": " + status);
          assertEquals(call.expected(), status.getString("result"), call + ": " + status);
          assertEquals(List.of(), failures, "workflow task failures of " + call);
        }
        for (Call call : waiting) {
          assertEquals(
              new TreeSet<>(List.of("1")),
              buildIds(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()),
              "a call that waited finishes on release 1: " + call);
        }
        for (Call call : fresh) {
          assertEquals(
              new TreeSet<>(List.of("2")),
              buildIds(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()),
              "a new call runs on release 2: " + call);
        }

        // Release 1 knows when it may go.
        LibertyServer draining = first;
        String drained =
            RealServerChecks.await(
                () ->
                    draining.messages().stream()
                        .filter(line -> line.contains(" is drained: "))
                        .filter(line -> line.contains("in namespace " + HANDLER_NAMESPACE))
                        .findFirst()
                        .orElse(""),
                line -> !line.isEmpty(),
                Duration.ofSeconds(90));
        LOG.info(() -> "Release 1: " + drained.substring(drained.indexOf("Worker version")));
        first.stop(LibertyServer.Stop.SIGTERM);

        // An instance of release 1 that restarts now (its promotion setting unchanged) must not
        // take the current version back from release 2.
        first.start();
        first.awaitReady(READY);
        LibertyServer restarted = first;
        RealServerChecks.await(
            () ->
                restarted.messages().stream()
                    .anyMatch(
                        line ->
                            line.contains("was current before and is drained now")
                                && line.contains("in namespace " + HANDLER_NAMESPACE)),
            said -> said,
            Duration.ofSeconds(60));
        awaitState(first, "handler", "drained");
        awaitState(second, "handler", "current");
        first.stop(LibertyServer.Stop.SIGTERM);
      } finally {
        first.close();
        if (second != null) {
          second.close();
        }
        report();
      }
    }
  }

  private static Map<String, String> version(String buildId) {
    return Map.of(
        "TEMPORAL_WORKER_DEPLOYMENT_NAME",
        DEPLOYMENT,
        "TEMPORAL_WORKER_BUILD_ID",
        buildId,
        "TEMPORAL_WORKER_PROMOTE",
        "true");
  }

  private static LibertyServer start(
      String name, Path war, TemporalDevServer temporal, Map<String, String> settings) {
    Map<String, String> environment = new LinkedHashMap<>(settings);
    environment.put("TEMPORAL_ADDRESS", temporal.address());
    environment.put("TEMPORAL_PROVISION", "true");
    environment.put("TEMPORAL_WORKER_IDENTITY", name);
    LibertyServer liberty = LibertyServer.create(name, war, environment);
    liberty.start();
    liberty.awaitReady(READY);
    return liberty;
  }

  /** Sends hello calls that do not wait for their greeting. */
  private static List<Call> hellos(LibertyServer liberty, String prefix, int count) {
    ApiClient api = new ApiClient(liberty.base());
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      ApiClient.Answer answer =
          api.postJson(
              "api/hello?wait=false",
              Json.createObjectBuilder().add("name", name).add("language", "en").build().toString(),
              name);
      assertEquals(202, answer.status(), "hello " + name + ": " + answer);
      calls.add(
          new Call(
              name,
              json(answer.body()).getString("workflowId"),
              new HelloInput(name, "en").handlerWorkflowId()));
    }
    return calls;
  }

  /** Waits until each call's handler workflow waits on release 1's timer. */
  private static void awaitTimers(TemporalDevServer temporal, List<Call> calls) {
    for (Call call : calls) {
      RealServerChecks.await(
          () ->
              events(temporal, HANDLER_NAMESPACE, call.handlerWorkflowId()).stream()
                  .anyMatch(event -> event.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED),
          started -> started,
          Duration.ofSeconds(60));
    }
  }

  /** Waits until a role's version, as the instance reports it, is in this state. */
  private static void awaitState(LibertyServer liberty, String role, String state) {
    ApiClient api = new ApiClient(liberty.base());
    RealServerChecks.await(
        () -> {
          JsonObject versions =
              json(api.get("api/connection").body()).getJsonObject("workerVersioning");
          return versions == null || !versions.containsKey(role)
              ? ""
              : versions.getJsonObject(role).getString("state", "");
        },
        state::equals,
        Duration.ofSeconds(60));
  }

  private static JsonObject awaitDone(LibertyServer liberty, Call call) {
    return RealServerChecks.await(
        () -> status(liberty, call),
        status -> !"running".equals(status.getString("status", "")),
        CALLS_DONE);
  }

  private static JsonObject status(LibertyServer liberty, Call call) {
    return json(
        new ApiClient(liberty.base()).get("api/workflows/" + call.callerWorkflowId()).body());
  }

  /** The causes of the workflow task failures in a workflow's history. */
  private static List<String> workflowTaskFailures(
      TemporalDevServer temporal, String namespace, String workflowId) {
    return events(temporal, namespace, workflowId).stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
        .map(event -> event.getWorkflowTaskFailedEventAttributes().getCause().name())
        .toList();
  }

  /** The build IDs of the workers that completed a workflow's tasks ("-" for unversioned ones). */
  private static TreeSet<String> buildIds(
      TemporalDevServer temporal, String namespace, String workflowId) {
    return events(temporal, namespace, workflowId).stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
        .map(
            event -> {
              String buildId =
                  event
                      .getWorkflowTaskCompletedEventAttributes()
                      .getDeploymentVersion()
                      .getBuildId();
              return buildId.isEmpty() ? "-" : buildId;
            })
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<HistoryEvent> events(
      TemporalDevServer temporal, String namespace, String workflowId) {
    WorkflowClient client = temporal.client(namespace);
    try {
      return client.fetchHistory(workflowId).getEvents();
    } catch (RuntimeException notYet) {
      return List.of();
    }
  }

  private static String row(
      String when,
      Call call,
      JsonObject status,
      TreeSet<String> callerBuilds,
      TreeSet<String> handlerBuilds,
      String failures) {
    return String.format(
        Locale.ROOT,
        FORMAT,
        when,
        call.handlerWorkflowId(),
        status.getString("status", "?"),
        String.join(",", callerBuilds),
        String.join(",", handlerBuilds),
        failures);
  }

  private static void report() throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            FORMAT,
            "calls",
            "handler workflow",
            "status",
            "caller",
            "handler",
            "workflow task failures"));
    lines.addAll(table);
    String text = String.join("\n", lines) + "\n";
    Files.writeString(Path.of("target", "rollout.txt"), text);
    LOG.info(() -> "\n" + text);
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
