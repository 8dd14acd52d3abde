package io.nexusliberty.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What the two POST endpoints share once their body is validated: start the caller workflow, then
 * answer 200 with its result, or 202 at once with where to follow it ({@code ?wait=false}).
 */
final class CallerCalls {

  private CallerCalls() {}

  static Response call(
      CallerWorkflowRunner runner,
      CallerRequest request,
      String wait,
      String idempotencyKey,
      UriInfo uri) {
    boolean waitForResult = waitParameter(wait);
    StartedWorkflow workflow = runner.start(request, idempotencyKey);
    if (waitForResult) {
      return Response.ok(runner.awaitResult(workflow)).build();
    }
    return Response.accepted(
            new WorkflowAccepted(workflow.workflowId(), workflow.runId(), "running"))
        .location(uri.getBaseUriBuilder().path("workflows").path(workflow.workflowId()).build())
        .build();
  }

  private static boolean waitParameter(String wait) {
    if (wait == null || wait.equalsIgnoreCase("true")) {
      return true;
    }
    if (wait.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiProblem.invalidField("wait", "The query parameter \"wait\" must be true or false");
  }
}
