package io.nexusliberty.api;

import io.nexusliberty.api.workflow.CallOptions;
import io.nexusliberty.api.workflow.CallerRequest;
import io.nexusliberty.api.workflow.CallerWorkflowRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /api/echo}: runs {@code EchoCallerWorkflow}, which calls the {@code echo} operation.
 */
@ApplicationScoped
@Path("echo")
public class EchoResource {

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
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> echo(
      @Parameter(hidden = true) InputStream body, @BeanParam CallOptions options) {
    return runner.call(request(body), options);
  }

  /**
   * The caller workflow's start that this body asks for.
   *
   * @throws io.nexusliberty.api.problem.ApiProblem 400 or 413 naming what is wrong with the body
   */
  static CallerRequest request(InputStream body) {
    String message = JsonRequest.read(body).requiredText("message", EchoRequest.MAX_MESSAGE_LENGTH);
    return CallerRequest.echo(message);
  }
}
