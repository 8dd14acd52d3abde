package io.nexusliberty.api;

import io.nexusliberty.api.workflow.ApiWorkflowIds;
import io.nexusliberty.api.workflow.CallerRequest;
import io.nexusliberty.api.workflow.CallerWorkflowRunner;
import io.nexusliberty.api.workflow.WorkflowResult;
import io.nexusliberty.caller.EchoCallerWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/echo}: runs {@code EchoCallerWorkflow}, which calls the {@code echo} operation.
 */
@ApplicationScoped
@Path("echo")
public class EchoResource {

  /** Longest message accepted, in characters. */
  static final int MAX_MESSAGE_LENGTH = 1000;

  @Inject CallerWorkflowRunner runner;

  @Operation(
      summary = "Echo a message through Nexus",
      description =
          "Runs EchoCallerWorkflow, which calls the synchronous echo operation of"
              + " my-hello-service, and answers with its result.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EchoRequest.class),
              examples =
                  @ExampleObject(name = "request", value = "{\"message\": \"Nexus Echo 👋\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The caller workflow completed; its result",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WorkflowResult.class),
              examples =
                  @ExampleObject(
                      name = "result",
                      value =
                          "{\"workflowId\": \"echo-caller-6f1c2b0e\", \"runId\": \"9e05a0c3\","
                              + " \"result\": \"Nexus Echo 👋\"}")))
  @APIResponse(responseCode = "202", ref = "Accepted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "421", ref = "MisdirectedRequest")
  @APIResponse(responseCode = "408", ref = "BodyTimeout")
  @APIResponse(responseCode = "413", ref = "BodyTooLarge")
  @APIResponse(responseCode = "415", ref = "NotJson")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "WorkflowFailed")
  @APIResponse(responseCode = "503", ref = "TemporalUnavailable")
  @APIResponse(responseCode = "504", ref = "ResultNotReady")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> echo(
      @Parameter(hidden = true) InputStream body,
      @Parameter(ref = "wait") @QueryParam("wait") List<String> wait,
      @Parameter(ref = "Idempotency-Key") @HeaderParam("Idempotency-Key")
          List<String> idempotencyKey,
      @Context UriInfo uri,
      @Context HttpServletRequest http) {
    String message = JsonRequest.read(body).requiredText("message", MAX_MESSAGE_LENGTH);
    CallerRequest request =
        new CallerRequest(
            EchoCallerWorkflow.class.getSimpleName(),
            ApiWorkflowIds.ECHO_ID_PREFIX,
            List.of(message));
    return runner.call(request, wait, idempotencyKey, uri, http);
  }
}
