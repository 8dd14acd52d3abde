package io.nexusliberty.api;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.workflow.CallOptions;
import io.nexusliberty.api.workflow.CallerRequest;
import io.nexusliberty.api.workflow.CallerWorkflowRunner;
import io.nexusliberty.service.Language;
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
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /api/hello}: runs {@code HelloCallerWorkflow}, which calls the {@code say-hello}
 * operation.
 */
@ApplicationScoped
@Path("hello")
public class HelloResource {

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
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> hello(
      @Parameter(hidden = true) InputStream body, @BeanParam CallOptions options) {
    return runner.call(request(body), options);
  }

  /**
   * The caller workflow's start that this body asks for.
   *
   * @throws ApiProblem 400 or 413 naming what is wrong with the body
   */
  static CallerRequest request(InputStream body) {
    JsonRequest json = JsonRequest.read(body);
    String name = json.requiredText("name", HelloRequest.MAX_NAME_LENGTH);
    Language language = language(json.requiredText("language", 8));
    return CallerRequest.hello(name, language);
  }

  private static Language language(String code) {
    return Language.fromCode(code.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                ApiProblem.invalidField(
                    "language",
                    "Unsupported language \"" + code + "\": use one of " + Language.codes(", ")));
  }
}
