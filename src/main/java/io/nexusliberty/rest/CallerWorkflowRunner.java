package io.nexusliberty.rest;

import io.nexusliberty.temporal.TemporalRuntime;
import io.nexusliberty.temporal.TemporalSettings;
import io.nexusliberty.temporal.TemporalUnavailableException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.TemporalFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a caller workflow on the caller task queue and waits, up to {@code api.wait-timeout}, for
 * its result, turning each way it can go wrong into the API's problem answers.
 */
@ApplicationScoped
public class CallerWorkflowRunner {

  @Inject TemporalRuntime temporal;

  /**
   * @param workflowType the caller workflow's type, such as {@code EchoCallerWorkflow}
   * @param idPrefix the start of the generated workflow ID
   * @param arguments the workflow's arguments
   */
  public WorkflowResult run(String workflowType, String idPrefix, Object... arguments) {
    TemporalSettings settings = temporal.settings();
    String workflowId = idPrefix + UUID.randomUUID();
    WorkflowStub stub =
        temporal
            .callerClient()
            .newUntypedWorkflowStub(
                workflowType,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(settings.callerTaskQueue())
                    .build());
    WorkflowExecution execution = start(stub, workflowId, arguments);
    try {
      String result =
          stub.getResult(settings.apiWaitTimeout().toMillis(), TimeUnit.MILLISECONDS, String.class);
      return new WorkflowResult(workflowId, execution.getRunId(), result);
    } catch (TimeoutException e) {
      throw new ApiProblem(
              Response.Status.GATEWAY_TIMEOUT,
              "Result not ready",
              workflowType
                  + " "
                  + workflowId
                  + " has not finished within "
                  + settings.apiWaitTimeout()
                  + " ("
                  + TemporalSettings.API_WAIT_TIMEOUT
                  + "); it goes on running: look it up by its workflow ID")
          .with("workflowId", workflowId)
          .with("runId", execution.getRunId());
    } catch (WorkflowServiceException e) {
      throw unavailable(e, workflowId);
    } catch (WorkflowException e) {
      // The workflow failed, was cancelled or terminated, or its Nexus operation failed.
      throw new ApiProblem(
              new UnprocessableEntity(),
              "Workflow failed",
              workflowType + " failed: " + rootMessage(e))
          .with("workflowId", workflowId)
          .with("runId", execution.getRunId());
    }
  }

  private WorkflowExecution start(WorkflowStub stub, String workflowId, Object[] arguments) {
    try {
      temporal.requireReachable();
      temporal.requireNexusEndpoint();
    } catch (TemporalUnavailableException e) {
      throw new ApiProblem(
          Response.Status.SERVICE_UNAVAILABLE, "Temporal unavailable", e.getMessage());
    }
    try {
      return stub.start(arguments);
    } catch (WorkflowServiceException e) {
      throw unavailable(e, workflowId);
    }
  }

  private ApiProblem unavailable(WorkflowServiceException e, String workflowId) {
    return new ApiProblem(
            Response.Status.SERVICE_UNAVAILABLE, "Temporal unavailable", temporal.explain(e))
        .with("workflowId", workflowId);
  }

  /** The innermost failure message: what actually went wrong, under the layers that carried it. */
  static String rootMessage(Throwable failure) {
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
  private static final class UnprocessableEntity implements Response.StatusType {
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
