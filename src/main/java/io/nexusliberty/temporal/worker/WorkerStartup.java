package io.nexusliberty.temporal.worker;

import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.ConnectionFailures;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.nexus.NexusEndpointCheck;
import io.nexusliberty.temporal.nexus.NexusProvisioner;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the workers once the Temporal server answers: waits for it with backoff, provisions when
 * asked, creates and starts the workers, then hands them over. Runs off the startup thread, so the
 * application deploys while Temporal is still unreachable.
 */
final class WorkerStartup implements Runnable {

  private static final Logger LOG = Logger.getLogger(WorkerStartup.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(15);
  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);

  private final TemporalConnection connection;
  private final TemporalSettings settings;
  private final NexusEndpointCheck endpointCheck;
  private final Function<Boolean, TemporalWorkers> workersFactory;
  private final Consumer<TemporalWorkers> onStarted;
  private final Consumer<String> onFailure;

  /**
   * @param workersFactory creates the workers; told whether the server is Temporal's Java test
   *     server
   * @param onStarted receives the started workers
   * @param onFailure receives why an attempt failed, each time one does
   */
  WorkerStartup(
      TemporalConnection connection,
      TemporalSettings settings,
      NexusEndpointCheck endpointCheck,
      Function<Boolean, TemporalWorkers> workersFactory,
      Consumer<TemporalWorkers> onStarted,
      Consumer<String> onFailure) {
    this.connection = connection;
    this.settings = settings;
    this.endpointCheck = endpointCheck;
    this.workersFactory = workersFactory;
    this.onStarted = onStarted;
    this.onFailure = onFailure;
  }

  @Override
  public void run() {
    Duration backoff = FIRST_RETRY;
    for (int attempt = 1; !Thread.currentThread().isInterrupted(); attempt++) {
      try {
        onStarted.accept(startWorkers());
        return;
      } catch (RuntimeException | LinkageError e) {
        // A LinkageError here means the application's files went away while it was stopping.
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        logFailure(attempt, backoff, e);
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
    }
  }

  private TemporalWorkers startWorkers() {
    GetSystemInfoResponse info = connection.systemInfo(PROBE_DEADLINE);
    // Temporal's Java test server reports no version, and delivers every Nexus task to the
    // caller's namespace on the endpoint's task queue, whatever namespace the endpoint targets.
    boolean testServer = info.getServerVersion().isEmpty();
    if (settings.provisions()) {
      new NexusProvisioner(connection, settings).provision();
    }
    TemporalWorkers workers = workersFactory.apply(testServer);
    try {
      workers.start();
    } catch (RuntimeException e) {
      workers.shutdown(Duration.ZERO);
      throw e;
    }
    if (testServer && settings.runs(Role.HANDLER)) {
      LOG.info(
          () ->
              "Temporal at "
                  + connection.target()
                  + " is Temporal's Java test server, which delivers Nexus tasks to the caller's"
                  + " namespace: the handler role also polls task queue "
                  + settings.handlerTaskQueue()
                  + " in namespace "
                  + settings.callerNamespace());
    } else if (settings.runs(Role.HANDLER)) {
      LOG.info(
          () ->
              "The handler role polls only its own namespace "
                  + settings.handlerNamespace()
                  + " (Temporal server "
                  + info.getServerVersion()
                  + ")");
    }
    if (settings.runs(Role.CALLER) && !endpointCheck.exists().orElse(true)) {
      LOG.warning(endpointCheck.missingMessage(settings));
    }
    LOG.info(
        () ->
            "Temporal workers "
                + connection.identity()
                + " started, polling "
                + (workers.contents().isEmpty()
                    ? "nothing (" + SettingNames.WORKERS + "=none)"
                    : String.join("; ", workers.contents())));
    return workers;
  }

  private void logFailure(int attempt, Duration backoff, Throwable e) {
    String reason =
        e instanceof StatusRuntimeException status
            ? ConnectionFailures.describe(connection.target(), status)
            : e.toString();
    String message =
        "Temporal workers not started (attempt "
            + attempt
            + "), retrying in "
            + backoff.toSeconds()
            + "s: "
            + reason;
    LOG.warning(message);
    onFailure.accept("attempt " + attempt + " failed: " + reason);
    LOG.log(Level.FINE, "Worker start attempt " + attempt + " failed", e);
  }
}
