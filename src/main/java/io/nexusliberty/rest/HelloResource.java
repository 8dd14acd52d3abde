package io.nexusliberty.rest;

import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.service.Language;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code POST /api/hello}: runs {@code HelloCallerWorkflow}, which calls the {@code say-hello}
 * operation.
 */
@Path("hello")
public class HelloResource {

  /** Longest name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 100;

  @Inject CallerWorkflowRunner runner;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public WorkflowResult hello(InputStream body) {
    JsonRequest request = JsonRequest.read(body);
    String name = request.requiredText("name", MAX_NAME_LENGTH);
    Language language = language(request.requiredText("language", 8));
    return runner.run(
        HelloCallerWorkflow.class.getSimpleName(), "hello-caller-", name, language.code());
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
