package io.nexusliberty.rest;

import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.service.Language;
import jakarta.inject.Inject;
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
  public Response hello(
      InputStream body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context UriInfo uri) {
    JsonRequest json = JsonRequest.read(body);
    String name = json.requiredText("name", MAX_NAME_LENGTH);
    Language language = language(json.requiredText("language", 8));
    CallerRequest request =
        new CallerRequest(
            HelloCallerWorkflow.class.getSimpleName(),
            "hello-caller-",
            List.of(name, language.code()));
    return CallerCalls.call(runner, request, wait, idempotencyKey, uri);
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
