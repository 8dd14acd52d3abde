package io.nexusliberty.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import java.util.function.Predicate;

/**
 * Starts a workflow under an ID that may already be taken: start; when the ID has a run, describe
 * its latest run and ask whether its memo records this same request. The one rule behind the API's
 * idempotency keys and the handler's business IDs: a request attaches only to the runs of its own
 * request.
 */
public final class StartOrAttach {

  private StartOrAttach() {}

  /** What a start found under the ID. */
  public enum Claim {
    /** The ID was free: this start created its run. */
    STARTED,
    /** The ID was taken, but its run has gone since (retention): start afresh. */
    NONE,
    /** The ID's latest run records this same request. */
    SAME_REQUEST,
    /** The ID's latest run records another request, or was started by another program. */
    OTHER_REQUEST
  }

  /**
   * What a start found: its own result when it started, else the claim on the ID and, unless the
   * run has gone, the latest run's description.
   */
  public record Outcome<T>(Claim claim, T started, WorkflowExecutionDescription latestRun) {}

  /** A start of a workflow, which fails when the ID is taken. */
  @FunctionalInterface
  public interface Start<T, E extends Exception> {
    T start() throws E;
  }

  /**
   * Runs {@code start}; when it finds the ID taken, describes the ID's latest run and tells whose
   * it is.
   *
   * @param sameRequest whether a run's description (its memo) records this request
   * @throws E what the start throws, but for the ID being taken
   */
  public static <T, E extends Exception> Outcome<T> start(
      Start<T, E> start,
      WorkflowClient client,
      String workflowId,
      Predicate<WorkflowExecutionDescription> sameRequest)
      throws E {
    try {
      return new Outcome<>(Claim.STARTED, start.start(), null);
    } catch (RuntimeException e) {
      if (!causedBy(e, WorkflowExecutionAlreadyStarted.class)) {
        throw e;
      }
    }
    WorkflowExecutionDescription latest;
    try {
      latest = client.newUntypedWorkflowStub(workflowId).describe();
    } catch (RuntimeException e) {
      if (causedBy(e, WorkflowNotFoundException.class)) {
        return new Outcome<>(Claim.NONE, null, null);
      }
      throw e;
    }
    return new Outcome<>(
        sameRequest.test(latest) ? Claim.SAME_REQUEST : Claim.OTHER_REQUEST, null, latest);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
