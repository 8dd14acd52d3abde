package io.nexusliberty.api;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.workflow.ApiCaller;
import io.nexusliberty.api.workflow.ApiWorkflowIds;
import io.nexusliberty.api.workflow.WorkflowResults;
import io.nexusliberty.api.workflow.WorkflowStatus;
import io.nexusliberty.temporal.CallerNamespace;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.health.TemporalAvailability;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/workflows/{workflowId}}: caller workflows by ID. */
@ApplicationScoped
@Path("workflows/{workflowId}")
public class WorkflowsResource {

  @Inject @CallerNamespace WorkflowClient client;
  @Inject TemporalSettings settings;
  @Inject TemporalAvailability availability;

  /** The workflow's status, result or failure, and start and close times; 404 when unknown. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A caller workflow's status, result or failure, and times")
  public WorkflowStatus status(
      @PathParam("workflowId") String workflowId, @Context HttpServletRequest http) {
    WorkflowStub workflow = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description = describe(workflow, workflowId, ApiCaller.of(http));
    WorkflowExecutionStatus status = description.getStatus();
    String result = null;
    String failure = null;
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      try {
        // The workflow has finished: its result, or its failure, is there at once.
        result = workflow.getResult(String.class);
      } catch (WorkflowServiceException e) {
        throw unavailable(e, workflowId);
      } catch (WorkflowException e) {
        failure = WorkflowResults.rootMessage(e);
      }
    }
    return new WorkflowStatus(
        workflowId,
        description.getExecution().getRunId(),
        description.getWorkflowType(),
        readable(status),
        result,
        failure,
        description.getStartTime(),
        description.getCloseTime());
  }

  /**
   * Asks a running caller workflow to cancel: its Nexus operation is cancelled with it, and so is
   * the handler workflow behind it. Answers 202 at once; 404 for an unknown ID, 409 when the
   * workflow has already finished.
   */
  @POST
  @Path("cancel")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Cancel a running caller workflow, its Nexus operation and handler workflow")
  public Response cancel(
      @PathParam("workflowId") String workflowId, @Context HttpServletRequest http) {
    ApiCaller caller = ApiCaller.of(http);
    WorkflowStub workflow = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionStatus status = describe(workflow, workflowId, caller).getStatus();
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw finished(workflowId, status);
    }
    try {
      workflow.cancel();
    } catch (WorkflowException e) {
      // It may have finished since it was described: then that is the answer, not an outage.
      WorkflowExecutionStatus now = describe(workflow, workflowId, caller).getStatus();
      if (now != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw finished(workflowId, now);
      }
      throw unavailable(e, workflowId);
    }
    return Response.accepted(
            ProblemResponses.JSON
                .createObjectBuilder()
                .add("workflowId", workflowId)
                .add("status", "cancel requested")
                .build()
                .toString())
        .build();
  }

  private static ApiProblem finished(String workflowId, WorkflowExecutionStatus status) {
    return new ApiProblem(
            Response.Status.CONFLICT,
            "Workflow already finished",
            "Workflow " + workflowId + " has already finished (" + readable(status) + ")")
        .with("workflowId", workflowId)
        .with("workflowStatus", readable(status));
  }

  /**
   * The workflow, when it is one this API started for this caller: an ID of the API's form, a
   * caller workflow type, the request memo the API gives every workflow it starts, and the caller
   * as its owner (unless the caller may act on any); any other answers 404, exactly as a workflow
   * that does not exist, so that the API reveals and touches nothing else in the caller namespace.
   */
  private WorkflowExecutionDescription describe(
      WorkflowStub workflow, String workflowId, ApiCaller caller) {
    if (!ApiWorkflowIds.isApiWorkflowId(workflowId)) {
      throw unknown(workflowId);
    }
    WorkflowExecutionDescription description;
    try {
      description = workflow.describe();
    } catch (WorkflowException e) {
      if (e instanceof WorkflowNotFoundException
          || e.getCause() instanceof WorkflowNotFoundException) {
        throw unknown(workflowId);
      }
      throw unavailable(e, workflowId);
    }
    if (!ApiWorkflowIds.startedByApi(description)
        || !caller.mayAccess(ApiWorkflowIds.owner(description))) {
      throw unknown(workflowId);
    }
    return description;
  }

  private ApiProblem unknown(String workflowId) {
    boolean printable = ApiWorkflowIds.isApiWorkflowId(workflowId);
    ApiProblem problem =
        new ApiProblem(
            Response.Status.NOT_FOUND,
            "Unknown workflow",
            printable
                ? "No workflow "
                    + workflowId
                    + " started by this API in namespace "
                    + settings.callerNamespace()
                : "No workflow with this ID was started by this API: its IDs look like"
                    + " hello-caller-<uuid> or echo-caller-key-<key>");
    return printable ? problem.with("workflowId", workflowId) : problem;
  }

  private RuntimeException unavailable(WorkflowException e, String workflowId) {
    return availability.failure(e, workflowId);
  }

  /** The status as the API words it: running, completed, failed, cancelled, timed out, ... */
  static String readable(WorkflowExecutionStatus status) {
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING -> "running";
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> "completed";
      case WORKFLOW_EXECUTION_STATUS_FAILED -> "failed";
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> "cancelled";
      case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> "timed out";
      case WORKFLOW_EXECUTION_STATUS_TERMINATED -> "terminated";
      case WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW -> "continued as new";
      default -> "unknown";
    };
  }
}
