package io.nexusliberty.temporal.health;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.ConnectionFailures;
import io.nexusliberty.temporal.nexus.NexusEndpointCheck;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides Temporal is unavailable for a call: before it (the server answers, the
 * Nexus endpoint exists) and after it failed (the server's fault, not the request's), each time as
 * a {@link TemporalUnavailableException} saying why and which setting to look at.
 */
@ApplicationScoped
public class TemporalAvailability {

  /** How long a question that only checks the server answers may take. */
  static final Duration REACHABILITY_DEADLINE = Duration.ofSeconds(2);

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;
  @Inject ClusterServices services;

  /**
   * Returns when a caller workflow can be started now: at once while the channel is connected,
   * otherwise after asking the server once, briefly; and when the Nexus endpoint exists, the server
   * does not let this client look, or this deployment creates the endpoint itself ({@code
   * temporal.provision}), which it may still be doing.
   *
   * @throws TemporalUnavailableException when the server does not answer or the endpoint is missing
   */
  public void requireReady() {
    if (!lifecycle.connection().connected()) {
      ping();
    }
    if (!settings.provisions() && !nexusEndpointExists().orElse(true)) {
      throw new TemporalUnavailableException(
          lifecycle.endpointCheck().missingMessage(settings), null);
    }
  }

  /**
   * Asks the server once, briefly, whether it answers.
   *
   * @throws TemporalUnavailableException when it does not, saying why
   */
  public void ping() {
    try {
      lifecycle.connection().systemInfo(REACHABILITY_DEADLINE);
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Whether the Nexus endpoint exists: empty when the server does not let this client look.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public Optional<Boolean> nexusEndpointExists() {
    NexusEndpointCheck endpoint = lifecycle.endpointCheck();
    try {
      return endpoint.exists();
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * What a call about this workflow that failed throws: a {@link TemporalUnavailableException}
   * naming the workflow when the server or the connection to it failed (unreachable, too slow,
   * credentials or permissions refused, a missing namespace, rate limits); otherwise the failure
   * itself, which is neither the client's nor the server's absence.
   */
  public RuntimeException failure(RuntimeException failure, String workflowId) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return serverFailed(status)
            ? new TemporalUnavailableException(explainFailedCall(status), failure).about(workflowId)
            : failure;
      }
    }
    return failure;
  }

  /**
   * Why a call failed; when the frontend was unavailable or too slow, which service of its cluster
   * is missing, if the frontend answers for itself now.
   */
  private String explainFailedCall(StatusRuntimeException status) {
    Status.Code code = status.getStatus().getCode();
    if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
      try {
        List<String> missing = services.missing();
        if (!missing.isEmpty()) {
          return String.join("; ", missing);
        }
      } catch (RuntimeException frontendFailsToo) {
        // The frontend itself does not answer: the failure says so.
      }
    }
    return explain(status);
  }

  /** The server did not answer: the exception that says why. */
  TemporalUnavailableException unreachable(StatusRuntimeException e) {
    return new TemporalUnavailableException(explain(e), e);
  }

  private String explain(StatusRuntimeException status) {
    return ConnectionFailures.describe(lifecycle.connection().target(), status);
  }

  private static boolean serverFailed(StatusRuntimeException status) {
    return switch (status.getStatus().getCode()) {
      case UNAVAILABLE,
              DEADLINE_EXCEEDED,
              UNKNOWN,
              UNAUTHENTICATED,
              PERMISSION_DENIED,
              NOT_FOUND,
              RESOURCE_EXHAUSTED ->
          true;
      default -> false;
    };
  }
}
