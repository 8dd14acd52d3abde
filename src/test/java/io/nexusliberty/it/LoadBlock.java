package io.nexusliberty.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One block of load: a number of clients, each making one call after another for a while, every
 * answer checked. It records each call's latency and the CPU time the application's JVM (and the
 * Temporal server's process, when it is a separate one) used meanwhile.
 */
final class LoadBlock {

  /** One call, made by one client; it throws when the call fails or its answer is wrong. */
  interface Call {
    void make(long sequence) throws Exception;
  }

  /**
   * What a block measured.
   *
   * @param inWindow the calls that ended within the block's time, the measure of throughput (a call
   *     still running when the time is up is awaited and counted in the latencies)
   */
  record Result(
      int calls,
      int inWindow,
      int errors,
      long[] latencyNanos,
      Duration elapsed,
      Duration appCpu,
      Duration serverCpu,
      Duration loadCpu,
      long peakThreads,
      List<String> errorSamples) {

    double callsPerSecond() {
      return inWindow * 1e9 / elapsed.toNanos();
    }

    /** The latency at this percentile, in milliseconds, over the calls that answered. */
    double percentileMillis(double percentile) {
      if (latencyNanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** CPU seconds the application's JVM used per 1,000 calls. */
    double appCpuPerThousand() {
      return calls == 0 ? Double.NaN : appCpu.toMillis() / (double) calls;
    }

    /** CPU seconds the separate Temporal server used per 1,000 calls (NaN when embedded). */
    double serverCpuPerThousand() {
      return serverCpu == null || calls == 0 ? Double.NaN : serverCpu.toMillis() / (double) calls;
    }

    /**
     * CPU seconds the load generator (this JVM: the HTTP client or the SDK) used per 1,000 calls.
     */
    double loadCpuPerThousand() {
      return calls == 0 ? Double.NaN : loadCpu.toMillis() / (double) calls;
    }

    /** Several results as one, as if measured in one block. */
    static Result merged(List<Result> results) {
      return new Result(
          results.stream().mapToInt(Result::calls).sum(),
          results.stream().mapToInt(Result::inWindow).sum(),
          results.stream().mapToInt(Result::errors).sum(),
          results.stream().flatMapToLong(result -> Arrays.stream(result.latencyNanos())).toArray(),
          results.stream().map(Result::elapsed).reduce(Duration.ZERO, Duration::plus),
          results.stream().map(Result::appCpu).reduce(Duration.ZERO, Duration::plus),
          results.stream().anyMatch(result -> result.serverCpu() == null)
              ? null
              : results.stream().map(Result::serverCpu).reduce(Duration.ZERO, Duration::plus),
          results.stream().map(Result::loadCpu).reduce(Duration.ZERO, Duration::plus),
          results.stream().mapToLong(Result::peakThreads).max().orElse(0),
          results.stream().flatMap(result -> result.errorSamples().stream()).limit(5).toList());
    }
  }

  /** This JVM, the load generator. */
  private static final ProcessStats LOAD = new ProcessStats(ProcessHandle.current().pid());

  private LoadBlock() {}

  /**
   * Runs {@code concurrency} clients for {@code duration}; calls still running when the time is up
   * are awaited and counted.
   *
   * @param server the separate Temporal server's process, or null when it runs in the application
   */
  static Result run(
      Call call, int concurrency, Duration duration, ProcessStats app, CpuMeter server) {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong sequence = new AtomicLong();
    AtomicInteger inWindow = new AtomicInteger();
    AtomicLong peakThreads = new AtomicLong(app.threads());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peakThreads.accumulateAndGet(app.threads(), Math::max),
        100,
        100,
        TimeUnit.MILLISECONDS);
    Duration appCpuBefore = app.cpu();
    Duration serverCpuBefore = server == null ? null : server.cpu();
    Duration loadCpuBefore = LOAD.cpu();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread client =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long callStart = System.nanoTime();
                  try {
                    call.make(sequence.incrementAndGet());
                    long callEnd = System.nanoTime();
                    latencies.add(callEnd - callStart);
                    if (callEnd <= end) {
                      inWindow.incrementAndGet();
                    }
                  } catch (Exception | AssertionError e) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                      errorSamples.add(e.toString());
                    }
                  }
                }
              },
              "load-client-" + i);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      try {
        client.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    Duration appCpu = app.cpu().minus(appCpuBefore);
    Duration serverCpu = server == null ? null : server.cpu().minus(serverCpuBefore);
    Duration loadCpu = LOAD.cpu().minus(loadCpuBefore);
    sampler.shutdownNow();
    return new Result(
        latencies.size() + errors.get(),
        inWindow.get(),
        errors.get(),
        latencies.stream().mapToLong(Long::longValue).toArray(),
        duration,
        appCpu,
        serverCpu,
        loadCpu,
        peakThreads.get(),
        List.copyOf(errorSamples));
  }
}
