package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.caller.EchoCallerWorkflowImpl;
import io.nexusliberty.caller.HelloCallerWorkflowImpl;
import io.nexusliberty.it.BenchmarkCalls.Side;
import io.nexusliberty.it.BenchmarkCalls.Workflow;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import io.nexusliberty.temporal.worker.NexusCallOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The throughput benchmark: the application's API and the bare Temporal SDK side by side, in
 * alternating blocks, for echo and hello at several concurrencies, on the embedded server and on a
 * real {@code temporal server start-dev} (in memory and with its SQLite file), and a table of
 * calls/s, latency percentiles, errors, the API/SDK ratios and the CPU seconds per 1,000 calls.
 * Then the embedded server's throughput after many workflows beside a fresh one's, and many calls
 * waiting at once on a few threads.
 *
 * <p>{@code mvn verify} runs a short smoke of it, which asserts only that no call failed; {@code
 * mvn verify -Pbenchmark} runs the full version. Settings (system properties): {@code
 * bench.servers}, {@code bench.calls}, {@code bench.concurrency}, {@code bench.warmup-seconds},
 * {@code bench.block-seconds}, {@code bench.rounds}, {@code bench.aging-calls}, {@code
 * bench.waiting-calls}, {@code bench.env}, {@code bench.jvm-args}. The table is also written to
 * {@code target/benchmark.txt}.
 */
@ExtendWith(RequiresTemporalCli.class)
class ThroughputBenchmarkIT {

  private static final boolean FULL = Boolean.getBoolean("bench.full");
  private static final List<String> SERVERS =
      list(
          "bench.servers",
          FULL
              ? "embedded,embedded-eager-off,dev-memory,dev-sqlite,cluster"
              : "embedded,dev-memory");
  private static final List<Integer> CONCURRENCY =
      list("bench.concurrency", FULL ? "1,16,64" : "1,16").stream().map(Integer::valueOf).toList();
  private static final List<Workflow> WORKFLOWS =
      list("bench.calls", "echo,hello").stream()
          .map(name -> Workflow.valueOf(name.toUpperCase(Locale.ROOT)))
          .toList();
  private static final Duration BLOCK =
      Duration.ofSeconds(Long.getLong("bench.block-seconds", FULL ? 8 : 2));
  private static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("bench.warmup-seconds", FULL ? 60 : 2));
  private static final int ROUNDS = Integer.getInteger("bench.rounds", FULL ? 2 : 1);
  private static final int AGING_CALLS =
      Integer.getInteger("bench.aging-calls", FULL ? 20_000 : 300);
  private static final int WAITING_CALLS =
      Integer.getInteger("bench.waiting-calls", FULL ? 1_000 : 100);

  private static final List<String> NAMESPACES =
      List.of(TemporalDevServer.CALLER_NAMESPACE, TemporalDevServer.HANDLER_NAMESPACE);

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** One line of the table: a side's merged blocks of one cell. */
  private record Row(
      String server, Workflow workflow, int concurrency, Side side, LoadBlock.Result result) {}

  @Test
  void apiBesideBareSdk() throws Exception {
    try {
      for (String server : SERVERS) {
        switch (server) {
          case "embedded" -> onEmbeddedServer(server, Map.of());
          case "embedded-eager-off" ->
              onEmbeddedServer(server, Map.of("TEMPORAL_CALLER_EAGER_START", "false"));
          case "dev-memory" -> onDevServer(server, null);
          case "dev-sqlite" -> onDevServer(server, Path.of("target", "bench-temporal.db"));
          case "cluster" -> onCluster(server);
          default -> throw new IllegalArgumentException("bench.servers: unknown server " + server);
        }
      }
    } finally {
      // What was measured, even when a part failed.
      String report = report();
      System.out.println(report);
      Files.writeString(Path.of("target", "benchmark.txt"), report);
    }
    for (Row row : rows) {
      assertEquals(
          0, row.result().errors(), () -> "errors in " + row + ": " + row.result().errorSamples());
      assertTrue(row.result().calls() > 0, () -> "no call made in " + row);
    }
  }

  /** On the embedded server, with these settings besides {@code bench.env}. */
  private void onEmbeddedServer(String name, Map<String, String> settings) throws Exception {
    int temporalPort = TestWar.freePort();
    Map<String, String> environment = new TreeMap<>(settings);
    environment.put("TEMPORAL_EMBEDDED_PORT", String.valueOf(temporalPort));
    try (LibertyServer liberty =
            LibertyServer.create("bench-" + name, withBenchSettings(environment));
        Sdk sdk = new Sdk("127.0.0.1:" + temporalPort)) {
      ProcessStats app = started(liberty, name);
      BenchmarkCalls calls = sdk.calls(liberty.base());
      measure(name, calls, app, null);
      if (AGING_CALLS > 0 && settings.isEmpty()) {
        age(calls, app);
      }
      sdk.stopLocalWorker();
      liberty.stop(LibertyServer.Stop.SIGTERM);
    }
  }

  private void onDevServer(String name, Path database) throws Exception {
    if (database != null) {
      Files.deleteIfExists(database);
    }
    try (TemporalDevServer temporal =
            TemporalDevServer.start(NAMESPACES, TestWar.freePort(), database);
        LibertyServer liberty =
            LibertyServer.create(
                "bench-" + name,
                withBenchSettings(
                    Map.of("TEMPORAL_ADDRESS", temporal.address(), "TEMPORAL_PROVISION", "true")));
        Sdk sdk = new Sdk(temporal.address())) {
      ProcessStats app = started(liberty, name);
      ProcessStats server = new ProcessStats(temporal.pid());
      measure(name, sdk.calls(liberty.base()), app, server);
      sdk.stopLocalWorker();
      liberty.stop(LibertyServer.Stop.SIGTERM);
      if (WAITING_CALLS > 0 && database == null) {
        waitingCalls(temporal);
      }
    }
  }

  /**
   * On a cluster of separate services on PostgreSQL ({@link TemporalCluster}); its CPU is that of
   * the four services and the database together.
   */
  private void onCluster(String name) throws Exception {
    try (TemporalCluster temporal = TemporalCluster.start(NAMESPACES);
        LibertyServer liberty =
            LibertyServer.create(
                "bench-" + name,
                withBenchSettings(
                    Map.of("TEMPORAL_ADDRESS", temporal.address(), "TEMPORAL_PROVISION", "true")));
        Sdk sdk = new Sdk(temporal.address())) {
      ProcessStats app = started(liberty, name);
      measure(name, sdk.calls(liberty.base()), app, temporal.cpuMeter());
      sdk.stopLocalWorker();
      liberty.stop(LibertyServer.Stop.SIGTERM);
    }
  }

  /**
   * The environment plus {@code bench.env}, settings for the measured application as {@code
   * NAME=value} pairs separated by commas (such as {@code TEMPORAL_CALLER_WORKFLOW_POLLERS=10}),
   * and {@code JVM_ARGS} from {@code bench.jvm-args}, options for its JVM, such as a flight
   * recording ({@code -XX:StartFlightRecording=filename=/tmp/app.jfr,dumponexit=true}).
   */
  private static Map<String, String> withBenchSettings(Map<String, String> environment) {
    Map<String, String> settings = new TreeMap<>(environment);
    for (String pair : list("bench.env", "")) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("bench.env: expected NAME=value, got " + pair);
      }
      settings.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    String jvmArgs = System.getProperty("bench.jvm-args", "");
    if (!jvmArgs.isBlank()) {
      settings.put("JVM_ARGS", jvmArgs);
    }
    return settings;
  }

  private ProcessStats started(LibertyServer liberty, String server) {
    long start = System.nanoTime();
    liberty.start();
    liberty.awaitReady(Duration.ofSeconds(180));
    ProcessStats app = new ProcessStats(liberty.pid());
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: Liberty started to ready in %.1f s, RSS %d MiB, %d threads",
            server,
            (System.nanoTime() - start) / 1e9,
            app.rssMib(),
            app.threads()));
    return app;
  }

  /**
   * Warms both sides up, then measures every cell in alternating blocks. The warm-up matters: under
   * load the JIT compiles for about four minutes (measured with {@code jstat -compiler}), the API's
   * path (Liberty's HTTP stack, JAX-RS, the Temporal client) most, and the SDK side's path is
   * shorter.
   */
  private void measure(String server, BenchmarkCalls calls, ProcessStats app, CpuMeter temporal) {
    Duration warmUpBlock =
        BLOCK.compareTo(Duration.ofSeconds(5)) < 0 ? BLOCK : Duration.ofSeconds(5);
    long warmUpBlocks = Math.max(1, WARM_UP.toSeconds() / warmUpBlock.toSeconds());
    for (long block = 0; block < warmUpBlocks; block++) {
      for (Workflow workflow : WORKFLOWS) {
        for (Side side : Side.values()) {
          LoadBlock.Result warmUp =
              LoadBlock.run(calls.call(side, workflow), 16, warmUpBlock, app, temporal);
          assertEquals(0, warmUp.errors(), () -> "warm-up errors: " + warmUp.errorSamples());
        }
      }
    }
    notes.add(String.format(Locale.ROOT, "%s: after warm-up RSS %d MiB", server, app.rssMib()));
    for (Workflow workflow : WORKFLOWS) {
      for (int concurrency : CONCURRENCY) {
        rows.addAll(cell(server, calls, workflow, concurrency, app, temporal));
      }
    }
    notes.add(String.format(Locale.ROOT, "%s: after the table RSS %d MiB", server, app.rssMib()));
  }

  /** One cell: API and SDK blocks alternating, each side's blocks merged into one row. */
  private List<Row> cell(
      String server,
      BenchmarkCalls calls,
      Workflow workflow,
      int concurrency,
      ProcessStats app,
      CpuMeter temporal) {
    Map<Side, List<LoadBlock.Result>> blocks = new EnumMap<>(Side.class);
    for (int round = 0; round < ROUNDS; round++) {
      List<Side> order =
          round % 2 == 0
              ? List.of(Side.API, Side.SDK, Side.SDK_EAGER)
              : List.of(Side.SDK_EAGER, Side.SDK, Side.API);
      for (Side side : order) {
        long startMillis = System.currentTimeMillis();
        LoadBlock.Result result =
            LoadBlock.run(calls.call(side, workflow), concurrency, BLOCK, app, temporal);
        System.out.printf(
            Locale.ROOT,
            "bench block %d-%d %s %s c=%d %s: %d calls, %.1f calls/s, %d errors%n",
            startMillis,
            System.currentTimeMillis(),
            server,
            workflow,
            concurrency,
            side,
            result.calls(),
            result.callsPerSecond(),
            result.errors());
        blocks.computeIfAbsent(side, key -> new ArrayList<>()).add(result);
      }
    }
    return Arrays.stream(Side.values())
        .map(
            side ->
                new Row(
                    server, workflow, concurrency, side, LoadBlock.Result.merged(blocks.get(side))))
        .toList();
  }

  /**
   * Runs API echo calls until the embedded server holds {@link #AGING_CALLS} more workflows, then
   * measures echo at the highest concurrency again: the same cell, fresh and aged.
   */
  private void age(BenchmarkCalls calls, ProcessStats app) {
    int concurrency = CONCURRENCY.get(CONCURRENCY.size() - 1);
    long rssBefore = app.rssMib();
    int made = 0;
    long start = System.nanoTime();
    while (made < AGING_CALLS) {
      LoadBlock.Result result =
          LoadBlock.run(calls.call(Side.API, Workflow.ECHO), 64, Duration.ofSeconds(5), app, null);
      assertEquals(0, result.errors(), () -> "errors while ageing: " + result.errorSamples());
      made += result.calls();
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "embedded: %,d more echo calls at c=64 in %.0f s; RSS %d -> %d MiB",
            made,
            (System.nanoTime() - start) / 1e9,
            rssBefore,
            app.rssMib()));
    for (Row row : cell("embedded", calls, Workflow.ECHO, concurrency, app, null)) {
      rows.add(
          new Row("embedded+" + made, row.workflow(), row.concurrency(), row.side(), row.result()));
    }
  }

  /**
   * Many calls waiting at once: a deployment with no workers, so every call waits out its {@code
   * api.wait-timeout}; the JVM's threads before and at most while they wait.
   */
  private void waitingCalls(TemporalDevServer temporal) throws Exception {
    Duration waitTimeout = Duration.ofSeconds(FULL ? 20 : 6);
    try (LibertyServer liberty =
        LibertyServer.create(
            "bench-waiting",
            Map.of(
                "TEMPORAL_ADDRESS", temporal.address(),
                "TEMPORAL_PROVISION", "true",
                "TEMPORAL_NEXUS_ENDPOINT", "bench-waiting",
                "TEMPORAL_CALLER_TASK_QUEUE", "bench-waiting-nobody-polls",
                "TEMPORAL_WORKERS", "none",
                "API_WAIT_TIMEOUT", waitTimeout.toSeconds() + "s"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(180));
      ProcessStats app = new ProcessStats(liberty.pid());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI echo = URI.create(liberty.base().toString()).resolve("api/echo");
      // One call first, so that the threads counted before are those of a server in use.
      send(http, echo, "first").join();
      long before = app.threads();
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 0; i < WAITING_CALLS; i++) {
        waiting.add(send(http, echo, "wait " + i));
      }
      long peak = before;
      long deadline = System.nanoTime() + waitTimeout.toNanos() - 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        peak = Math.max(peak, app.threads());
        Thread.sleep(100);
      }
      long stillWaiting = waiting.stream().filter(call -> !call.isDone()).count();
      long timedOut = 0;
      for (CompletableFuture<HttpResponse<String>> call : waiting) {
        if (call.get().statusCode() == 504) {
          timedOut++;
        }
      }
      notes.add(
          String.format(
              Locale.ROOT,
              "waiting: %d calls waiting at once (%d still waiting %d s after they were sent);"
                  + " live threads of the JVM %d before, at most %d while they waited; %d answered"
                  + " 504 after %s",
              WAITING_CALLS,
              stillWaiting,
              waitTimeout.toSeconds() - 1,
              before,
              peak,
              timedOut,
              waitTimeout));
      assertEquals(WAITING_CALLS, stillWaiting, "every call waits for its result");
      assertEquals(WAITING_CALLS, timedOut, "every waiting call ends with its 504");
    }
  }

  private static CompletableFuture<HttpResponse<String>> send(
      HttpClient http, URI echo, String message) {
    return http.sendAsync(
        HttpRequest.newBuilder(echo)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"" + message + "\"}"))
            .timeout(Duration.ofSeconds(120))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nThroughput benchmark: %d round(s) of %d s blocks per side, API and SDK alternating%n",
            ROUNDS,
            BLOCK.toSeconds()));
    String format = "%-18s %-6s %4s %-9s %7s %8s %8s %8s %8s %6s %9s %9s %9s %8s %9s %9s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "server",
            "call",
            "c",
            "side",
            "calls",
            "calls/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "errors",
            "app CPU-s",
            "srv CPU-s",
            "load CPU-s",
            "threads",
            "API/SDK",
            "API/SDK"));
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "/1000",
            "/1000",
            "/1000",
            "peak",
            "p50",
            "calls/s"));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      LoadBlock.Result result = row.result();
      String p50Ratio = "";
      String throughputRatio = "";
      // The API's row against the bare SDK's, and the SDK's eager row against the API's.
      if (row.side() == Side.API && i + 1 < rows.size()) {
        LoadBlock.Result sdk = rows.get(i + 1).result();
        p50Ratio = ratio(result.percentileMillis(50) / sdk.percentileMillis(50));
        throughputRatio = ratio(result.callsPerSecond() / sdk.callsPerSecond());
      } else if (row.side() == Side.SDK_EAGER && i >= 2) {
        LoadBlock.Result api = rows.get(i - 2).result();
        p50Ratio = ratio(api.percentileMillis(50) / result.percentileMillis(50));
        throughputRatio = ratio(api.callsPerSecond() / result.callsPerSecond());
      }
      out.append(
          String.format(
              Locale.ROOT,
              format,
              row.server(),
              row.workflow().name().toLowerCase(Locale.ROOT),
              row.concurrency(),
              row.side().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              result.calls(),
              String.format(Locale.ROOT, "%.1f", result.callsPerSecond()),
              millis(result.percentileMillis(50)),
              millis(result.percentileMillis(90)),
              millis(result.percentileMillis(99)),
              result.errors(),
              seconds(result.appCpuPerThousand()),
              seconds(result.serverCpuPerThousand()),
              seconds(result.loadCpuPerThousand()),
              result.peakThreads(),
              p50Ratio,
              throughputRatio));
    }
    notes.forEach(note -> out.append(note).append('\n'));
    return out.toString();
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String seconds(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static List<String> list(String property, String defaultValue) {
    return Arrays.stream(System.getProperty(property, defaultValue).split(","))
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  /** A bare SDK client of the caller namespace, as a Java program would make one. */
  private static final class Sdk implements AutoCloseable {
    private final WorkflowServiceStubs service;
    private final WorkflowClient client;
    private final WorkflowClient eagerClient;
    private WorkerFactory localWorkers;

    Sdk(String address) {
      service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
      WorkflowClientOptions options =
          WorkflowClientOptions.newBuilder()
              .setNamespace(TemporalDevServer.CALLER_NAMESPACE)
              .build();
      client = WorkflowClient.newInstance(service, options);
      // A client of its own with a caller worker in this JVM, for the eager side, on a task queue
      // of its own: it runs none of the other sides' workflows.
      eagerClient = WorkflowClient.newInstance(service, options);
    }

    /** The calls, once the server answers; the local worker starts here. */
    BenchmarkCalls calls(URL base) {
      localWorkers = WorkerFactory.newInstance(eagerClient);
      Worker localWorker = localWorkers.newWorker(BenchmarkCalls.LOCAL_CALLER_TASK_QUEUE);
      localWorker.registerWorkflowImplementationTypes(
          NexusCallOptions.of(
              TemporalSettings.load(name -> Optional.ofNullable(WarDefaults.load().get(name)))),
          EchoCallerWorkflowImpl.class,
          HelloCallerWorkflowImpl.class);
      localWorkers.start();
      return new BenchmarkCalls(base, client, eagerClient);
    }

    /** Stops the local worker, before the server goes: its polls would fail loudly after. */
    void stopLocalWorker() {
      if (localWorkers != null) {
        localWorkers.shutdownNow();
        localWorkers.awaitTermination(10, TimeUnit.SECONDS);
        localWorkers = null;
      }
    }

    @Override
    public void close() {
      stopLocalWorker();
      service.shutdownNow();
    }
  }
}
