package io.nexusliberty.api.workflow;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.settings.ApiSettings;
import io.nexusliberty.temporal.health.TemporalAvailability;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits up to {@code api.wait-timeout} for a started workflow's result, and words each way it can
 * end without one as the API's problem answers.
 */
@ApplicationScoped
public class WorkflowResults {

  @Inject ApiSettings settings;
  @Inject TemporalAvailability availability;

  /**
   * The workflow's result, once it has one: a long poll of the server that holds no thread while it
   * waits.
   *
   * @return a stage completed with the result, or exceptionally with an {@link ApiProblem} (504
   *     past {@code api.wait-timeout}, 422 when the workflow failed) or a 503 {@code
   *     TemporalUnavailableException} when Temporal does not answer
   */
  public CompletionStage<WorkflowResult> result(StartedWorkflow workflow) {
    Duration waitTimeout = settings.waitTimeout();
    return workflow
        .stub()
        .getResultAsync(waitTimeout.toMillis(), TimeUnit.MILLISECONDS, String.class)
        .handle(
            (result, failure) -> {
              if (failure == null) {
                return new WorkflowResult(workflow.workflowId(), workflow.runId(), result);
              }
              throw problem(workflow, waitTimeout, unwrapped(failure));
            });
  }

  private RuntimeException problem(
      StartedWorkflow workflow, Duration waitTimeout, Throwable failure) {
    if (failure instanceof TimeoutException) {
      return new ApiProblem(
              Response.Status.GATEWAY_TIMEOUT,
              "Result not ready",
              workflow.workflowType()
                  + " "
                  + workflow.workflowId()
                  + " has not finished within "
                  + waitTimeout
                  + " ("
                  + ApiSettings.API_WAIT_TIMEOUT
                  + "); it goes on running: follow it at /api/workflows/"
                  + workflow.workflowId())
          .with("workflowId", workflow.workflowId())
          .with("runId", workflow.runId());
    }
    if (failure instanceof WorkflowServiceException serviceFailure) {
      return availability.failure(serviceFailure, workflow.workflowId());
    }
    if (failure instanceof WorkflowException workflowFailure) {
      // The workflow failed, was cancelled or terminated, or its Nexus operation failed.
      String ending = ending(workflowFailure);
      return new ApiProblem(
              UNPROCESSABLE_CONTENT,
              "Workflow " + ending,
              workflow.workflowType() + " " + ending + ": " + rootMessage(workflowFailure))
          .with("workflowId", workflow.workflowId())
          .with("runId", workflow.runId())
          .with("workflowStatus", ending);
    }
    throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
  }

  /** The failure itself, out of the wrappers that carried it through the stages. */
  public static Throwable unwrapped(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** How a workflow that did not complete ended, as the API words it. */
  private static String ending(WorkflowException e) {
    // The workflow's own ending is its exception's direct cause; deeper ones are what it called.
    Throwable cause = e.getCause();
    if (cause instanceof CanceledFailure) {
      return "cancelled";
    }
    if (cause instanceof TerminatedFailure) {
      return "terminated";
    }
    if (cause instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE) {
      return "timed out";
    }
    return "failed";
  }

  /** The innermost failure message: what actually went wrong, under the layers that carried it. */
  public static String rootMessage(Throwable failure) {
    String message = failure.getMessage();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String candidate =
          cause instanceof TemporalFailure temporalFailure
              ? temporalFailure.getOriginalMessage()
              : cause.getMessage();
      if (candidate != null && !candidate.isBlank()) {
        message = candidate;
      }
    }
    return message;
  }

  /** 422, which {@link Response.Status} lacks in this Jakarta REST version. */
  public static final Response.StatusType UNPROCESSABLE_CONTENT = new UnprocessableContent();

  private static final class UnprocessableContent implements Response.StatusType {
    @Override
    public int getStatusCode() {
      return 422;
    }

    @Override
    public Response.Status.Family getFamily() {
      return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
      return "Unprocessable Content";
    }
  }
}
