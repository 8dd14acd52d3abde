package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three instances of the application, all roles, on one real Temporal server ({@code temporal
 * server start-dev}, or with {@code -Dit.temporal=cluster} a cluster of separate services on
 * PostgreSQL), sharing the task queues: calls spread over the three all answer right and every
 * instance's workers take part; one instance killed (SIGKILL) or stopped (SIGTERM, a rolling
 * update) with calls in flight loses none and runs none twice, its clients going on with the same
 * {@code Idempotency-Key} at another instance. Prints a table of what each load came to. {@code mvn
 * verify -Preliability} runs the long version (10,000 calls at concurrency 64, 200 in flight at
 * each stop); {@code scale.calls}, {@code scale.concurrency} and {@code scale.in-flight} set it.
 */
@ExtendWith(RequiresRealTemporal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final Logger LOG = Logger.getLogger(ScaleOutIT.class.getName());
  private static final int CALLS = Integer.getInteger("scale.calls", 1000);
  private static final int CONCURRENCY = Integer.getInteger("scale.concurrency", 32);
  private static final int IN_FLIGHT = Integer.getInteger("scale.in-flight", 100);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final int SAMPLE = 300;
  private static final List<String> NAMES = List.of("scale-a", "scale-b", "scale-c");

  private static RealTemporal temporal;
  private static final List<LibertyServer> instances = new ArrayList<>();
  private static final List<String> table = new ArrayList<>();
  private static final List<String> notes = new ArrayList<>();

  @BeforeAll
  static void startInstances() throws Exception {
    temporal = RealTemporals.start(List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE));
    for (String name : NAMES) {
      instances.add(instance(name, "caller,handler", true));
    }
    // The first provisions the endpoint alone; the other two start together.
    instances.get(0).start();
    instances.get(0).awaitReady(READY_TIMEOUT);
    instances.get(1).start();
    instances.get(2).start();
    instances.get(1).awaitReady(READY_TIMEOUT);
    instances.get(2).awaitReady(READY_TIMEOUT);
    table.add(
        String.format(
            Locale.ROOT,
            "%-26s %6s %6s %6s %5s %5s %7s %7s %7s %7s  %s",
            "load",
            "calls",
            "right",
            "wrong",
            "lost",
            "dups",
            "moved",
            "failed",
            "p50 ms",
            "p99 ms",
            "RSS MiB per instance, before -> after"));
  }

  @AfterAll
  static void stopInstances() {
    table.addAll(notes);
    LOG.info("Scale-out over three instances:\n" + String.join("\n", table));
    try {
      Files.writeString(Path.of("target/scale-out.txt"), String.join("\n", table) + "\n");
    } catch (Exception e) {
      LOG.warning("Cannot write target/scale-out.txt: " + e);
    }
    instances.forEach(LibertyServer::close);
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  @Order(1)
  void callsSpreadOverThreeInstancesAllAnswerRightOnEveryInstancesWorkers() throws Exception {
    Instant start = Instant.now();
    ScaleOutLoad load = new ScaleOutLoad(bases(), run());
    List<ScaleOutLoad.Outcome> outcomes = measured("spread over three", load, CALLS, sent -> {});

    assertAllRight(outcomes);
    RealServerChecks checks = new RealServerChecks(temporal);
    for (String name : NAMES) {
      assertTrue(
          checks.workflowPollers(CALLER_NAMESPACE, "my-caller-workflow-task-queue").contains(name),
          name + " polls the caller task queue");
      assertTrue(
          checks.nexusPollers(HANDLER_NAMESPACE, "my-handler-task-queue").contains(name),
          name + " polls the handler task queue for Nexus tasks");
    }
    // Histories of a sample: enough to see every instance at work, quick for a long run too.
    List<ScaleOutLoad.Outcome> sample = outcomes.subList(0, Math.min(outcomes.size(), SAMPLE));
    Map<String, Integer> callerTasks = workflowTasksByInstance(CALLER_NAMESPACE, sample);
    Map<String, Integer> handlerTasks = handlerWorkflowTasksByInstance(start);
    notes.add(
        "workflow tasks completed per instance ("
            + sample.size()
            + " calls of the spread load): caller "
            + callerTasks
            + ", handler "
            + handlerTasks);
    for (String name : NAMES) {
      assertTrue(
          callerTasks.getOrDefault(name, 0) > 0,
          name + " ran caller workflow tasks: " + callerTasks);
      assertTrue(
          handlerTasks.getOrDefault(name, 0) > 0,
          name + " ran handler workflow tasks: " + handlerTasks);
    }
  }

  @Test
  @Order(2)
  void anInstanceKilledWithCallsInFlightLosesNoneAndRunsNoneTwice() throws Exception {
    stoppedWithCallsInFlight("SIGKILL " + NAMES.get(0), 0, LibertyServer.Stop.SIGKILL);
  }

  @Test
  @Order(3)
  void anInstanceStoppedWithCallsInFlightDrainsAndFailsNone() throws Exception {
    String log =
        String.join(
            "\n",
            stoppedWithCallsInFlight("SIGTERM " + NAMES.get(1), 1, LibertyServer.Stop.SIGTERM));
    assertTrue(log.contains("Temporal workers stopped after"), "the workers drained: " + log);
  }

  @Test
  @Order(4)
  void splitRolesAHandlerInstanceKilledTheOtherCompletesTheCalls() throws Exception {
    instances.forEach(instance -> instance.stop(LibertyServer.Stop.SIGTERM));
    instances.clear();
    // The handler team provisions the endpoint to its task queue; the caller team serves the API.
    for (String name : List.of("split-handler-1", "split-handler-2")) {
      instances.add(instance(name, "handler", true));
    }
    LibertyServer caller = instance("split-caller", "caller", false);
    instances.add(caller);
    for (LibertyServer instance : instances) {
      instance.start();
    }
    for (LibertyServer instance : instances) {
      instance.awaitReady(READY_TIMEOUT);
    }
    LibertyServer killed = instances.get(0);
    AtomicBoolean stopped = new AtomicBoolean();
    ScaleOutLoad load = new ScaleOutLoad(List.of(URI.create(caller.base().toString())), run());
    List<ScaleOutLoad.Outcome> outcomes =
        measured(
            "split, SIGKILL handler-1",
            load,
            IN_FLIGHT * 2,
            sent -> {
              if (sent >= IN_FLIGHT && stopped.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> killed.stop(LibertyServer.Stop.SIGKILL));
              }
            });
    assertAllRight(outcomes);
    assertTrue(stopped.get());
    assertTrue(
        new RealServerChecks(temporal)
            .nexusPollers(HANDLER_NAMESPACE, "my-handler-task-queue")
            .contains("split-handler-2"));
  }

  /**
   * {@link #IN_FLIGHT} times two calls, and once {@link #IN_FLIGHT} have gone out, the instance
   * stopped this way; then started again for what follows. Returns the log of the stopped server.
   */
  private List<String> stoppedWithCallsInFlight(String label, int index, LibertyServer.Stop how)
      throws Exception {
    LibertyServer instance = instances.get(index);
    AtomicBoolean stopped = new AtomicBoolean();
    CompletableFuture<Void> stopping = new CompletableFuture<>();
    ScaleOutLoad load = new ScaleOutLoad(bases(), run());
    List<ScaleOutLoad.Outcome> outcomes =
        measured(
            label,
            load,
            IN_FLIGHT * 2,
            sent -> {
              if (sent >= IN_FLIGHT && stopped.compareAndSet(false, true)) {
                CompletableFuture.runAsync(
                    () -> {
                      instance.stop(how);
                      stopping.complete(null);
                    });
              }
            });
    stopping.join();
    assertAllRight(outcomes);
    assertTrue(
        outcomes.stream().anyMatch(outcome -> outcome.attempts() > 1),
        "some calls were in flight at " + NAMES.get(index) + " when it stopped");
    List<String> log = instance.messages();
    instance.start();
    instance.awaitReady(READY_TIMEOUT);
    return log;
  }

  /** An instance on the test's Temporal server, named to it by its name. */
  private static LibertyServer instance(String name, String roles, boolean provisions) {
    return LibertyServer.create(
        name,
        Map.of(
            "TEMPORAL_ADDRESS",
            temporal.address(),
            "TEMPORAL_PROVISION",
            String.valueOf(provisions),
            "TEMPORAL_WORKERS",
            roles,
            "TEMPORAL_WORKER_IDENTITY",
            name));
  }

  /** Runs a load and adds its row to the table, duplicates and RSS included. */
  private List<ScaleOutLoad.Outcome> measured(
      String label, ScaleOutLoad load, int calls, java.util.function.IntConsumer sent)
      throws Exception {
    List<Long> rssBefore = rss();
    Instant since = Instant.now();
    List<ScaleOutLoad.Outcome> outcomes = load.run(calls, CONCURRENCY, sent);
    List<Long> rssAfter = rss();
    long right = outcomes.stream().filter(ScaleOutLoad.Outcome::right).count();
    long lost = outcomes.stream().filter(outcome -> outcome.result().equals("(lost)")).count();
    // Calls whose instance went away while they were in flight, sent again to another; and of
    // those, the ones that did not end right after that.
    long moved = outcomes.stream().filter(outcome -> outcome.attempts() > 1).count();
    long failedAfterStop =
        outcomes.stream().filter(outcome -> outcome.attempts() > 1 && !outcome.right()).count();
    long[] nanos = outcomes.stream().mapToLong(ScaleOutLoad.Outcome::nanos).sorted().toArray();
    long duplicates = duplicateRuns(outcomes, since);
    List<String> memory = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      memory.add(rssBefore.get(i) + " -> " + rssAfter.get(i));
    }
    table.add(
        String.format(
            Locale.ROOT,
            "%-26s %6d %6d %6d %5d %5d %7d %7d %7.0f %7.0f  %s",
            label,
            outcomes.size(),
            right,
            outcomes.size() - right - lost,
            lost,
            duplicates,
            moved,
            failedAfterStop,
            nanos[nanos.length / 2] / 1e6,
            nanos[Math.min(nanos.length - 1, nanos.length * 99 / 100)] / 1e6,
            String.join(", ", memory)));
    assertEquals(0, duplicates, "calls run twice");
    return outcomes;
  }

  /**
   * Runs beyond one per call: caller workflows and greetings' handler workflows started since the
   * load began, as the server's visibility counts them (every call has a key of its own, so each
   * must have started exactly one of each).
   */
  private static long duplicateRuns(List<ScaleOutLoad.Outcome> outcomes, Instant since) {
    long duplicates = 0;
    for (String[] kind :
        List.of(
            new String[] {CALLER_NAMESPACE, "HelloCallerWorkflow"},
            new String[] {HANDLER_NAMESPACE, "HelloHandlerWorkflow"})) {
      String query = "WorkflowType = '" + kind[1] + "' AND StartTime >= '" + since + "'";
      long runs =
          RealServerChecks.await(
              () -> count(kind[0], query), n -> n >= outcomes.size(), Duration.ofSeconds(10));
      duplicates += Math.max(0, runs - outcomes.size());
    }
    return duplicates;
  }

  private static long count(String namespace, String query) {
    return temporal
        .workflowService()
        .blockingStub()
        .countWorkflowExecutions(
            CountWorkflowExecutionsRequest.newBuilder()
                .setNamespace(namespace)
                .setQuery(query)
                .build())
        .getCount();
  }

  private static Map<String, Integer> workflowTasksByInstance(
      String namespace, List<ScaleOutLoad.Outcome> outcomes) {
    WorkflowClient client = temporal.client(namespace);
    Map<String, Integer> tasks = new TreeMap<>();
    for (ScaleOutLoad.Outcome outcome : outcomes) {
      countTasks(client, ScaleOutLoad.workflowId(outcome.key()), tasks);
    }
    return tasks;
  }

  private static Map<String, Integer> handlerWorkflowTasksByInstance(Instant since) {
    WorkflowClient client = temporal.client(HANDLER_NAMESPACE);
    Map<String, Integer> tasks = new TreeMap<>();
    new RealServerChecks(temporal)
        .list(
            HANDLER_NAMESPACE,
            "WorkflowType = 'HelloHandlerWorkflow' AND StartTime >= '" + since + "'",
            SAMPLE)
        .forEach(workflowId -> countTasks(client, workflowId, tasks));
    return tasks;
  }

  private static void countTasks(
      WorkflowClient client, String workflowId, Map<String, Integer> tasks) {
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        tasks.merge(event.getWorkflowTaskCompletedEventAttributes().getIdentity(), 1, Integer::sum);
      }
    }
  }

  private static void assertAllRight(List<ScaleOutLoad.Outcome> outcomes) {
    List<ScaleOutLoad.Outcome> wrong =
        outcomes.stream().filter(outcome -> !outcome.right()).limit(5).toList();
    assertEquals(List.of(), wrong, "calls that did not end with their own greeting");
  }

  private static List<URI> bases() {
    return instances.stream().map(instance -> URI.create(instance.base().toString())).toList();
  }

  /** Each instance's resident memory, 0 for one that is not running. */
  private static List<Long> rss() {
    List<Long> rss = new ArrayList<>();
    for (LibertyServer instance : instances) {
      try {
        rss.add(new ProcessStats(instance.pid()).rssMib());
      } catch (RuntimeException e) {
        rss.add(0L);
      }
    }
    return rss;
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
