package io.nexusliberty.temporal.health;

import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.connection.ConnectionFailures;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What a failed call to the Temporal server means, and which setting to look at. */
@ApplicationScoped
public class TemporalFailures {

  @Inject TemporalLifecycle lifecycle;

  /**
   * Whether a failed call failed because of the server or the connection to it (unreachable, too
   * slow, credentials or permissions refused, a missing namespace, rate limits), rather than
   * because of the request.
   */
  public boolean serverFailed(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
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
    return false;
  }

  /** What a failed call to the server means, and which setting to look at. */
  public String explain(Throwable failure) {
    String target = lifecycle.connection().target();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return ConnectionFailures.describe(target, status);
      }
    }
    return "Temporal at " + target + " did not serve the request: " + failure;
  }

  /** The server did not answer: the exception that says why. */
  TemporalUnavailableException unreachable(StatusRuntimeException e) {
    return new TemporalUnavailableException(explain(e), e);
  }
}
