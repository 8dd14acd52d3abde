package io.nexusliberty.temporal.health;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.ConnectionFailures;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the services of a Temporal cluster behind its frontend answer: history (asked to describe
 * a workflow that does not exist) and matching (asked to describe this deployment's task queue),
 * each once, briefly. A frontend answers for itself while history or matching is down, and accepts
 * or holds calls that then cannot run; these two questions tell which service is missing.
 */
@ApplicationScoped
public class ClusterServices {

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;

  /** When a question last found a service missing; the epoch while none has been. */
  private volatile Instant lastMissing = Instant.EPOCH;

  /**
   * Why each missing service is missing, empty when history and matching both answer (and on the
   * embedded server, which is one process).
   *
   * @throws StatusRuntimeException when the frontend itself fails otherwise
   */
  public List<String> missing() {
    if (settings.embedded()) {
      return List.of();
    }
    // Asked apart from the caller's own deadline, which a failed call may have used up.
    try {
      return Context.current().fork().call(this::ask);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * When a question last found history or matching missing: the workers' pollers, backing off while
   * it was away, count as polling again only once they have polled since.
   */
  public Instant lastMissing() {
    return lastMissing;
  }

  private List<String> ask() {
    TemporalConnection connection = lifecycle.connection();
    boolean caller = settings.runs(Role.CALLER) || !settings.runs(Role.HANDLER);
    String namespace = caller ? settings.callerNamespace() : settings.handlerNamespace();
    String taskQueue = caller ? settings.callerTaskQueue() : settings.handlerTaskQueue();
    List<String> missing = new ArrayList<>();
    try {
      connection.describeMissingWorkflow(namespace, TemporalAvailability.REACHABILITY_DEADLINE);
    } catch (StatusRuntimeException e) {
      missing.add(missingOrThrow(connection, "history", e));
    }
    try {
      connection.describeTaskQueue(
          namespace, taskQueue, TemporalAvailability.REACHABILITY_DEADLINE);
    } catch (StatusRuntimeException e) {
      missing.add(missingOrThrow(connection, "matching", e));
    }
    if (!missing.isEmpty()) {
      lastMissing = Instant.now();
    }
    return missing;
  }

  /** The sentence for a service that does not answer, or the failure when it is another one. */
  private static String missingOrThrow(
      TemporalConnection connection, String service, StatusRuntimeException e) {
    if (ConnectionFailures.serviceMissing(e)
        || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return ConnectionFailures.describeMissingService(connection.target(), service, e);
    }
    throw e;
  }
}
