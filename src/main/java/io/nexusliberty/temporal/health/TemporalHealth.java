package io.nexusliberty.temporal.health;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import io.nexusliberty.temporal.worker.TemporalWorkers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The state of the Temporal side, as the health checks and the connection page report it. */
@ApplicationScoped
public class TemporalHealth {

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;
  @Inject TemporalAvailability availability;
  @Inject ClusterServices services;

  /** host:port of the Temporal frontend in use, embedded or configured. */
  public String target() {
    return lifecycle.connection().target();
  }

  /** How this deployment's clients and workers name themselves to the server. */
  public String identity() {
    return lifecycle.connection().identity();
  }

  /** "off", or what traces the Temporal calls. */
  public String tracing() {
    return lifecycle.connection().tracing().describe();
  }

  /** Whether the workers of every configured role are polling. */
  public boolean workersStarted() {
    return lifecycle.workers() != null;
  }

  /**
   * Why the start-up is not done, or empty once the workers have started: the workers start when
   * the server answers, and the start-up waits for them.
   */
  public Optional<String> startupPending() {
    if (workersStarted()) {
      return Optional.empty();
    }
    String failure = lifecycle.startupFailure();
    return Optional.of(
        "starting the workers at " + target() + (failure == null ? "" : "; " + failure));
  }

  /**
   * A worker task that has run longer than {@code temporal.stuck-task-timeout}, which means a
   * worker thread is stuck: empty when there is none.
   */
  public Optional<String> stuckTask() {
    TemporalWorkers started = lifecycle.workers();
    return started == null
        ? Optional.empty()
        : started
            .stuckTask(settings.stuckTaskTimeout())
            .map(
                task ->
                    task
                        + ", longer than "
                        + SettingNames.STUCK_TASK_TIMEOUT
                        + "="
                        + settings.stuckTaskTimeout()
                        + ": a worker thread is stuck; restart the application");
  }

  /** How many tasks the workers are running now. */
  public int runningTasks() {
    TemporalWorkers started = lifecycle.workers();
    return started == null ? 0 : started.runningTasks();
  }

  /** Where the workers poll ("namespace X, task queue Y"), empty until they have started. */
  public List<String> workerPlacements() {
    TemporalWorkers started = lifecycle.workers();
    return started == null ? List.of() : started.placements();
  }

  /**
   * Why the started workers would not serve a call now, or empty when they would: on a real server,
   * a task queue where the server has not seen this deployment's poller since the connection, or
   * the cluster's history and matching behind it, last came back; on the embedded server, a server
   * that no longer serves workflows.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public Optional<String> workersNotServing() {
    TemporalWorkers started = lifecycle.workers();
    if (started == null) {
      return Optional.of("not started yet");
    }
    try {
      if (settings.embedded()) {
        lifecycle
            .connection()
            .describeMissingWorkflow(
                settings.callerNamespace(), TemporalAvailability.REACHABILITY_DEADLINE);
        return Optional.empty();
      }
      // Pollers back off while the frontend, or matching behind it, is away: they serve again
      // once they have polled since it came back.
      Instant since = lifecycle.lastReconnect();
      if (services.lastMissing().isAfter(since)) {
        since = services.lastMissing();
      }
      return lifecycle.pollers().missing(started.polled(), since);
    } catch (StatusRuntimeException e) {
      if (settings.embedded() && e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return Optional.of(
            "the embedded Temporal server answers but does not serve workflows (no answer within "
                + TemporalAvailability.REACHABILITY_DEADLINE.toSeconds()
                + " s); restart the application");
      }
      throw availability.unreachable(e);
    }
  }
}
