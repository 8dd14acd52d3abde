package io.nexusliberty.rest;

import io.nexusliberty.temporal.TemporalRuntime;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** {@code /api/workflows/{workflowId}}: caller workflows by ID. */
@Path("workflows/{workflowId}")
public class WorkflowsResource {

  @Inject TemporalRuntime temporal;

  /**
   * Asks a running caller workflow to cancel: its Nexus operation is cancelled with it, and so is
   * the handler workflow behind it. Answers 202 at once; 404 for an unknown ID, 409 when the
   * workflow has already finished.
   */
  @POST
  @Path("cancel")
  @Produces(MediaType.APPLICATION_JSON)
  public Response cancel(@PathParam("workflowId") String workflowId) {
    WorkflowStub workflow = temporal.callerClient().newUntypedWorkflowStub(workflowId);
    WorkflowExecutionStatus status = status(workflow, workflowId);
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw new ApiProblem(
              Response.Status.CONFLICT,
              "Workflow already finished",
              "Workflow " + workflowId + " has already finished (" + readable(status) + ")")
          .with("workflowId", workflowId)
          .with("status", readable(status));
    }
    workflow.cancel();
    return Response.accepted(
            Json.createObjectBuilder()
                .add("workflowId", workflowId)
                .add("status", "cancel requested")
                .build()
                .toString())
        .build();
  }

  private WorkflowExecutionStatus status(WorkflowStub workflow, String workflowId) {
    try {
      return workflow.describe().getStatus();
    } catch (WorkflowException e) {
      if (e instanceof WorkflowNotFoundException
          || e.getCause() instanceof WorkflowNotFoundException) {
        throw new ApiProblem(
                Response.Status.NOT_FOUND,
                "Unknown workflow",
                "No workflow "
                    + workflowId
                    + " in namespace "
                    + temporal.settings().callerNamespace())
            .with("workflowId", workflowId);
      }
      throw new ApiProblem(
              Response.Status.SERVICE_UNAVAILABLE, "Temporal unavailable", temporal.explain(e))
          .with("workflowId", workflowId);
    }
  }

  /** {@code WORKFLOW_EXECUTION_STATUS_TIMED_OUT} as {@code timed out}. */
  static String readable(WorkflowExecutionStatus status) {
    return status
        .name()
        .replace("WORKFLOW_EXECUTION_STATUS_", "")
        .replace('_', ' ')
        .toLowerCase(Locale.ROOT);
  }
}
