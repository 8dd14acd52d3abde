package io.nexusliberty.temporal.health;

import io.nexusliberty.temporal.CallerNamespace;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether a Nexus call has gone through the endpoint since Temporal last came back from a failure,
 * by an echo of its own when none has. A cluster's history service holds its deliveries to a
 * destination that failed repeatedly (its circuit breaker, {@value #BREAKER_SETTING}, 60 s open by
 * default) and nothing the frontend answers shows it: only a call that goes through does.
 */
@ApplicationScoped
public class NexusDeliveryProbe {

  private static final Logger LOG = Logger.getLogger(NexusDeliveryProbe.class.getName());

  /** The Temporal server's dynamic setting for the hold on deliveries after failures. */
  static final String BREAKER_SETTING = "history.outboundQueue.circuitBreakerSettings";

  /** The workflow ID prefix of the probes' echo calls. */
  public static final String WORKFLOW_ID_PREFIX = "nexus-delivery-probe-";

  /** How long one probe may wait before another takes its place. */
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

  private static final String PROBE_MESSAGE = "nexus delivery probe";

  /** The workflow type of the caller's echo, {@code EchoCallerWorkflow}. */
  static final String ECHO_WORKFLOW_TYPE = "EchoCallerWorkflow";

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;
  @Inject ClusterServices services;
  @Inject @CallerNamespace WorkflowClient client;

  /** Starts the probes' echoes, one at a time. */
  private final ExecutorService starts =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "nexus-delivery-probe");
            thread.setDaemon(true);
            return thread;
          });

  private volatile Instant lastDelivered = Instant.EPOCH;
  private volatile Instant lastFailure = Instant.EPOCH;
  private Probe inFlight;

  private record Probe(String workflowId, Instant started, CompletableFuture<String> result) {}

  @PreDestroy
  void stop() {
    starts.shutdownNow();
  }

  /**
   * Why Nexus calls may not go through yet, or empty when one has gone through since Temporal (the
   * frontend, or history or matching behind it) last came back, or it never failed. While it has
   * not, an echo of this probe's own is on its way; the next question sees whether it arrived.
   */
  public Optional<String> notDelivering() {
    Optional<Instant> recovered = lastRecovery();
    if (recovered.isEmpty() || lastDelivered.isAfter(recovered.get())) {
      return Optional.empty();
    }
    Probe probe = probe();
    return Optional.of(
        "no Nexus call through endpoint "
            + settings.nexusEndpoint()
            + " has completed since Temporal came back at "
            + recovered.get()
            + "; echo "
            + probe.workflowId()
            + " waits "
            + Duration.between(probe.started(), Instant.now()).toSeconds()
            + " s for its answer (the handler's workers, or the history service's hold on Nexus"
            + " deliveries after failures, "
            + BREAKER_SETTING
            + ", delay it)");
  }

  /** Records that Temporal failed to answer a question of readiness a moment ago. */
  public void temporalFailed() {
    lastFailure = Instant.now();
  }

  /**
   * The latest of the channel's last reconnect, the last time history or matching was away and the
   * last failed question; empty while none of them has happened.
   */
  private Optional<Instant> lastRecovery() {
    Instant latest = lifecycle.lastRecovery().orElse(Instant.EPOCH);
    for (Instant failure : new Instant[] {services.lastMissing(), lastFailure}) {
      if (failure.isAfter(latest)) {
        latest = failure;
      }
    }
    return latest.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(latest);
  }

  /** The echo on its way, started now when none is. */
  private synchronized Probe probe() {
    if (inFlight == null || inFlight.result().isDone()) {
      inFlight = start();
    }
    return inFlight;
  }

  private Probe start() {
    String workflowId = WORKFLOW_ID_PREFIX + UUID.randomUUID();
    // By its type's name: the caller's workflow of the synchronous echo operation.
    WorkflowStub echo =
        client.newUntypedWorkflowStub(
            ECHO_WORKFLOW_TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(settings.callerTaskQueue())
                .setWorkflowExecutionTimeout(PROBE_TIMEOUT)
                .build());
    // Started apart from the health check's thread: a start retries while Temporal is unavailable.
    CompletableFuture<String> result =
        CompletableFuture.runAsync(() -> echo.start(PROBE_MESSAGE), starts)
            .thenCompose(started -> echo.getResultAsync(String.class));
    Instant started = Instant.now();
    result.whenComplete(
        (message, failure) -> {
          if (failure == null) {
            lastDelivered = Instant.now();
            LOG.info(
                () ->
                    "Nexus calls through endpoint "
                        + settings.nexusEndpoint()
                        + " go through again: echo "
                        + workflowId
                        + " answered after "
                        + Duration.between(started, lastDelivered).toMillis()
                        + " ms");
          } else {
            LOG.log(Level.FINE, failure, () -> "Nexus delivery probe " + workflowId + " failed");
          }
        });
    return new Probe(workflowId, started, result);
  }
}
