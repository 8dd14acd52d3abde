package io.nexusliberty.api;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.workflow.ApiWorkflowIds;
import io.nexusliberty.api.workflow.CallerRequest;
import io.nexusliberty.api.workflow.CallerWorkflowRunner;
import io.nexusliberty.api.workflow.WorkflowResult;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.service.Language;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/hello}: runs {@code HelloCallerWorkflow}, which calls the {@code say-hello}
 * operation.
 */
@ApplicationScoped
@Path("hello")
public class HelloResource {

  /** Longest name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 100;

  @Inject CallerWorkflowRunner runner;

  @Operation(
      summary = "Greet a name through Nexus",
      description =
          "Runs HelloCallerWorkflow, which calls the asynchronous say-hello operation of"
              + " my-hello-service (backed by HelloHandlerWorkflow), and answers with the"
              + " greeting.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HelloRequest.class),
              examples =
                  @ExampleObject(
                      name = "request",
                      value = "{\"name\": \"Nexus\", \"language\": \"es\"}")))
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
                          "{\"workflowId\": \"hello-caller-bf084690\", \"runId\": \"265b3f68\","
                              + " \"result\": \"¡Hola! Nexus 👋\"}")))
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
  public CompletionStage<Response> hello(
      @Parameter(hidden = true) InputStream body,
      @Parameter(ref = "wait") @QueryParam("wait") List<String> wait,
      @Parameter(ref = "Idempotency-Key") @HeaderParam("Idempotency-Key")
          List<String> idempotencyKey,
      @Context UriInfo uri,
      @Context HttpServletRequest http) {
    JsonRequest json = JsonRequest.read(body);
    String name = json.requiredText("name", MAX_NAME_LENGTH);
    Language language = language(json.requiredText("language", 8));
    CallerRequest request =
        new CallerRequest(
            HelloCallerWorkflow.class.getSimpleName(),
            ApiWorkflowIds.HELLO_ID_PREFIX,
            List.of(name, language.code()));
    return runner.call(request, wait, idempotencyKey, uri, http);
  }

  private static Language language(String code) {
    return Language.fromCode(code.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                ApiProblem.invalidField(
                    "language",
                    "Unsupported language \""
                        + code
                        + "\": use one of "
                        + Arrays.stream(Language.values())
                            .map(Language::code)
                            .collect(Collectors.joining(", "))));
  }
}
