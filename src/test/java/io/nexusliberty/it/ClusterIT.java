package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import jakarta.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The application against a self-hosted Temporal cluster ({@link TemporalCluster}: PostgreSQL, and
 * frontend, history, matching and worker as separate processes), as teams run it: one instance with
 * all roles creates the namespaces and the endpoint itself, and answers echo and hello across
 * namespaces. Then each service of the cluster fails under load (hello calls with keys of their
 * own): history and matching killed (SIGKILL) and started again, the frontend killed and started
 * again. For each: no call wrong, lost or run twice (visibility counts); readiness DOWN while the
 * service is away and UP once calls succeed again; a call made meanwhile is answered 503 within
 * {@link #ANSWER_BOUND}, naming what is missing; the times from the restart until readiness is UP
 * and until a call is answered right again printed in the table (target/cluster-faults.txt). {@code
 * cluster.calls}, {@code cluster.concurrency} and {@code cluster.outage-seconds} size it ({@code
 * -Preliability} runs the long version).
 */
@ExtendWith(RequiresTemporalCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());

  /** How long a call may take to be refused while a service of the cluster is away. */
  static final Duration ANSWER_BOUND = Duration.ofSeconds(15);

  private static final int CALLS = Integer.getInteger("cluster.calls", 150);
  private static final int CONCURRENCY = Integer.getInteger("cluster.concurrency", 8);
  private static final Duration OUTAGE =
      Duration.ofSeconds(Integer.getInteger("cluster.outage-seconds", 20));

  private static TemporalCluster cluster;
  private static LibertyServer instance;
  private static final List<String> table = new ArrayList<>();

  @BeforeAll
  static void startClusterAndInstance() {
    Instant start = Instant.now();
    cluster = TemporalCluster.start(List.of());
    Duration clusterUp = Duration.between(start, Instant.now());
    instance =
        LibertyServer.create(
            "cluster",
            Map.of(
                "TEMPORAL_ADDRESS",
                cluster.address(),
                "TEMPORAL_PROVISION",
                "true",
                "TEMPORAL_WORKER_IDENTITY",
                "cluster-instance"));
    instance.start();
    instance.awaitReady(Duration.ofSeconds(180));
    table.add(
        String.format(
            Locale.ROOT,
            "cluster up in %.1f s; application ready %.1f s later (namespaces and endpoint created)",
            clusterUp.toMillis() / 1e3,
            Duration.between(start.plus(clusterUp), Instant.now()).toMillis() / 1e3));
    table.add(
        String.format(
            Locale.ROOT,
            "%-10s %6s %6s %6s %5s %5s %10s %11s %9s %9s  %s",
            "fault",
            "calls",
            "right",
            "wrong",
            "lost",
            "dups",
            "ready DOWN",
            "answered s",
            "UP s",
            "right s",
            "the answer while it was away"));
  }

  @AfterAll
  static void stopAll() {
    LOG.info("Faults of the cluster under load:\n" + String.join("\n", table));
    try {
      Files.writeString(Path.of("target/cluster-faults.txt"), String.join("\n", table) + "\n");
    } catch (Exception e) {
      LOG.warning("Cannot write target/cluster-faults.txt: " + e);
    }
    if (instance != null) {
      instance.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void echoAndHelloRunAcrossNamespacesOnTheCluster() {
    ApiClient api = new ApiClient(instance.base());
    ApiClient.Answer echo = api.postJson("api/echo", "{\"message\": \"on a cluster\"}");
    assertEquals(200, echo.status(), echo.toString());
    assertEquals("on a cluster", echo.json().getString("result"));

    String name = "Cluster " + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Answer hello =
        api.postJson("api/hello", "{\"name\": \"" + name + "\", \"language\": \"de\"}");
    assertEquals(200, hello.status(), hello.toString());
    assertEquals("Hallo " + name + " 👋", hello.json().getString("result"));

    RealServerChecks checks = new RealServerChecks(cluster);
    String handlerId = "hello-de-" + name.toLowerCase(Locale.ROOT).replace(' ', '-');
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
        checks.describe(HANDLER_NAMESPACE, handlerId).orElseThrow().getStatus());
    assertTrue(
        checks.describe(CALLER_NAMESPACE, handlerId).isEmpty(),
        "the handler workflow runs in " + HANDLER_NAMESPACE + " only");
  }

  @Test
  @Order(2)
  void historyKilledUnderLoad() throws Exception {
    underLoad(TemporalCluster.Service.HISTORY, "history");
  }

  @Test
  @Order(3)
  void matchingKilledUnderLoad() throws Exception {
    underLoad(TemporalCluster.Service.MATCHING, "matching");
  }

  @Test
  @Order(4)
  void frontendKilledUnderLoad() throws Exception {
    underLoad(TemporalCluster.Service.FRONTEND, "not reachable");
  }

  /**
   * Kills the service a third of the way into a load, watches readiness and a call made meanwhile,
   * starts the service again after {@link #OUTAGE}, and checks every call of the load.
   */
  private void underLoad(TemporalCluster.Service service, String named) throws Exception {
    Instant since = Instant.now();
    ScaleOutLoad load =
        new ScaleOutLoad(
            List.of(URI.create(instance.base().toString())),
            service.id() + "-" + UUID.randomUUID().toString().substring(0, 6));
    HealthChecks health = new HealthChecks(instance.serverRoot());
    AtomicBoolean killed = new AtomicBoolean();
    CompletableFuture<List<ScaleOutLoad.Outcome>> outcomes =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return load.run(
                    CALLS,
                    CONCURRENCY,
                    sent -> {
                      if (sent == CALLS / 3 && killed.compareAndSet(false, true)) {
                        cluster.kill(service);
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    RealServerChecks.await(killed::get, Boolean::booleanValue, Duration.ofSeconds(120));
    Instant killedAt = Instant.now();

    // While the service is away: readiness, and one call with a key of its own.
    ApiClient.Answer down = health.awaitReady(503, Duration.ofSeconds(10));
    boolean downSeen = down.status() == 503;
    long callStart = System.nanoTime();
    String awayKey = "away-" + UUID.randomUUID();
    KeptAliveCalls.Answer refused;
    try {
      refused =
          KeptAliveCalls.post(
              URI.create(instance.base().toString()).resolve("api/hello?wait=false"),
              Json.createObjectBuilder().add("name", awayKey).add("language", "en").build(),
              awayKey,
              60_000);
    } catch (java.net.SocketTimeoutException e) {
      refused = new KeptAliveCalls.Answer(0, "no answer within 60 s");
    }
    Duration refusedAfter = Duration.ofNanos(System.nanoTime() - callStart);
    String detail = detail(refused);
    Duration left = OUTAGE.minus(Duration.between(killedAt, Instant.now()));
    if (!left.isNegative()) {
      TemporalDevServer.sleep(left);
    }

    cluster.start(service);
    Instant restarted = Instant.now();
    ApiClient.Answer up = health.awaitReady(200, Duration.ofSeconds(120));
    Duration readyAfter = Duration.between(restarted, Instant.now());
    // The first call that succeeds after the restart: a wait that ends 504 is asked again.
    KeptAliveCalls.Answer after = null;
    int triesAfterUp = 0;
    while (Duration.between(restarted, Instant.now()).compareTo(Duration.ofSeconds(150)) < 0
        && (after == null || after.status() != 200)) {
      after =
          KeptAliveCalls.post(
              URI.create(instance.base().toString()).resolve("api/echo"),
              Json.createObjectBuilder().add("message", "back").build(),
              null,
              120_000);
      triesAfterUp++;
    }
    Duration callsAfter = Duration.between(restarted, Instant.now());

    List<ScaleOutLoad.Outcome> results = outcomes.get();
    long right = results.stream().filter(ScaleOutLoad.Outcome::right).count();
    long lost = results.stream().filter(outcome -> outcome.result().equals("(lost)")).count();
    // A call accepted while the service was away (a start that history took) runs too.
    int accepted =
        new RealServerChecks(cluster)
                .describe(CALLER_NAMESPACE, ScaleOutLoad.workflowId(awayKey))
                .isPresent()
            ? 1
            : 0;
    long duplicates = duplicateRuns(results.size() + accepted, since);
    table.add(
        String.format(
            Locale.ROOT,
            "%-10s %6d %6d %6d %5d %5d %10s %11.1f %9.1f %9.1f  %s",
            service.id(),
            results.size(),
            right,
            results.size() - right - lost,
            lost,
            duplicates,
            downSeen ? "yes" : "no",
            refusedAfter.toMillis() / 1e3,
            readyAfter.toMillis() / 1e3,
            callsAfter.toMillis() / 1e3,
            refused.status() + " " + detail));

    assertEquals(
        List.of(),
        results.stream().filter(outcome -> !outcome.right()).limit(5).toList(),
        "calls that did not end with their own greeting");
    assertEquals(0, duplicates, "calls run twice");
    assertTrue(downSeen, "readiness DOWN while " + service.id() + " is away: " + down);
    assertTrue(
        refusedAfter.compareTo(ANSWER_BOUND) <= 0,
        "answered after " + refusedAfter + ", more than " + ANSWER_BOUND);
    if (service == TemporalCluster.Service.MATCHING) {
      // History takes the start durably; the workflow runs once matching is back.
      assertEquals(202, refused.status(), "a call while matching is away: " + detail);
    } else {
      assertEquals(503, refused.status(), "a call while " + service.id() + " is away: " + detail);
      assertTrue(
          detail.contains(named), "the 503 names what is missing (\"" + named + "\"): " + detail);
    }
    assertEquals(200, up.status(), "readiness UP after " + service.id() + " is back: " + up);
    assertEquals(200, after.status(), "a call after " + service.id() + " is back: " + after.body());
    // Readiness is UP only once calls succeed: the first call made after it went UP succeeds.
    assertEquals(
        1,
        triesAfterUp,
        "calls made after readiness went UP until one succeeded ("
            + service.id()
            + ", UP after "
            + readyAfter
            + ", a call right after "
            + callsAfter
            + ")");
  }

  private static String detail(KeptAliveCalls.Answer answer) {
    try (var reader = Json.createReader(new java.io.StringReader(answer.body()))) {
      return reader.readObject().getString("detail", answer.body());
    } catch (RuntimeException notJson) {
      return answer.body();
    }
  }

  /**
   * Runs beyond one per call since the load began: hello caller workflows and handler workflows, as
   * visibility counts them (each call has a key and a name of its own).
   */
  private static long duplicateRuns(int calls, Instant since) {
    long duplicates = 0;
    for (String[] kind :
        List.of(
            new String[] {CALLER_NAMESPACE, "HelloCallerWorkflow"},
            new String[] {HANDLER_NAMESPACE, "HelloHandlerWorkflow"})) {
      String query = "WorkflowType = '" + kind[1] + "' AND StartTime >= '" + since + "'";
      long runs =
          RealServerChecks.await(
              () -> count(kind[0], query), n -> n >= calls, Duration.ofSeconds(30));
      duplicates += Math.max(0, runs - calls);
    }
    return duplicates;
  }

  private static long count(String namespace, String query) {
    return cluster
        .workflowService()
        .blockingStub()
        .countWorkflowExecutions(
            CountWorkflowExecutionsRequest.newBuilder()
                .setNamespace(namespace)
                .setQuery(query)
                .build())
        .getCount();
  }
}
