package io.nexusliberty.api;

import io.nexusliberty.service.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The OpenAPI document's shared answers, written once: every {@link SharedAnswer} among its
 * components, which operations give which, the success answer of each operation, and the languages
 * from {@link Language}. The resources document only what is theirs.
 */
public class OpenApiAnswers implements OASFilter {

  private static final String PROBLEM_JSON = "application/problem+json";

  /** What every operation may answer: the server's security and host checks. */
  private static final List<SharedAnswer> EVERY_OPERATION =
      List.of(SharedAnswer.UNAUTHORIZED, SharedAnswer.FORBIDDEN, SharedAnswer.MISDIRECTED_REQUEST);

  /** What a call that starts a caller workflow may answer besides its result. */
  private static final List<SharedAnswer> CALLER_WORKFLOW =
      List.of(
          SharedAnswer.ACCEPTED,
          SharedAnswer.BAD_REQUEST,
          SharedAnswer.BODY_TIMEOUT,
          SharedAnswer.BODY_TOO_LARGE,
          SharedAnswer.NOT_JSON,
          SharedAnswer.CONFLICT,
          SharedAnswer.WORKFLOW_FAILED,
          SharedAnswer.TEMPORAL_UNAVAILABLE,
          SharedAnswer.RESULT_NOT_READY);

  /** The answers of each operation beyond {@link #EVERY_OPERATION}, by method and API path. */
  private static final Map<String, List<SharedAnswer>> BY_OPERATION =
      Map.of(
          "POST /api/echo",
          CALLER_WORKFLOW,
          "POST /api/hello",
          CALLER_WORKFLOW,
          "GET /api/workflows/{workflowId}",
          List.of(SharedAnswer.UNKNOWN_WORKFLOW, SharedAnswer.TEMPORAL_UNAVAILABLE),
          "POST /api/workflows/{workflowId}/cancel",
          List.of(
              SharedAnswer.NOT_JSON,
              SharedAnswer.UNKNOWN_WORKFLOW,
              SharedAnswer.ALREADY_FINISHED,
              SharedAnswer.TEMPORAL_UNAVAILABLE));

  /** The answer an operation gives when it does what it is asked. */
  private record Success(
      String status, String description, String schema, String exampleName, String example) {}

  /** The success answer of each operation, by method and API path. */
  private static final Map<String, Success> SUCCESS =
      Map.of(
          "POST /api/echo",
          new Success(
              "200",
              "The caller workflow completed; its result",
              "WorkflowResult",
              "result",
              "{\"workflowId\": \"echo-caller-6f1c2b0e\", \"runId\": \"9e05a0c3\", \"result\":"
                  + " \"Nexus Echo 👋\"}"),
          "POST /api/hello",
          new Success(
              "200",
              "The caller workflow completed; its result",
              "WorkflowResult",
              "result",
              "{\"workflowId\": \"hello-caller-bf084690\", \"runId\": \"265b3f68\", \"result\":"
                  + " \"¡Hola! Nexus 👋\"}"),
          "GET /api/workflows/{workflowId}",
          new Success(
              "200",
              "The workflow; result once completed, failure once it failed or was cancelled",
              "WorkflowStatus",
              "completed",
              "{\"workflowId\": \"hello-caller-bf084690\", \"runId\": \"265b3f68\", \"type\":"
                  + " \"HelloCallerWorkflow\", \"status\": \"completed\", \"result\": \"¡Hola!"
                  + " Nexus 👋\", \"startTime\": \"2026-11-21T22:18:35.120Z\", \"closeTime\":"
                  + " \"2026-11-21T22:18:35.480Z\"}"),
          "POST /api/workflows/{workflowId}/cancel",
          new Success(
              "202",
              "Cancellation requested",
              null,
              "accepted",
              "{\"workflowId\": \"hello-caller-bf084690\", \"status\": \"cancel requested\"}"));

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    for (SharedAnswer answer : SharedAnswer.values()) {
      components.addResponse(answer.name, response(answer));
    }
    if (openAPI.getPaths() != null) {
      openAPI.getPaths().getPathItems().forEach(OpenApiAnswers::addAnswers);
    }
    describeLanguages(components);
  }

  private static void addAnswers(String path, PathItem item) {
    // Liberty lists the paths under the context root, which is the deployment's own.
    int api = path.indexOf("/api/");
    String apiPath = api < 0 ? path : path.substring(api);
    item.getOperations()
        .forEach(
            (method, operation) -> {
              String key = method + " " + apiPath;
              Success success = SUCCESS.get(key);
              if (success != null) {
                operation.getResponses().addAPIResponse(success.status(), success(success));
              }
              addAnswers(operation, EVERY_OPERATION);
              addAnswers(operation, BY_OPERATION.getOrDefault(key, List.of()));
            });
  }

  private static void addAnswers(Operation operation, List<SharedAnswer> answers) {
    for (SharedAnswer answer : answers) {
      if (operation.getResponses().getAPIResponse(answer.status) == null) {
        operation
            .getResponses()
            .addAPIResponse(
                answer.status,
                OASFactory.createAPIResponse().ref("#/components/responses/" + answer.name));
      }
    }
  }

  private static APIResponse success(Success success) {
    org.eclipse.microprofile.openapi.models.media.MediaType body =
        OASFactory.createMediaType()
            .addExample(success.exampleName(), OASFactory.createExample().value(success.example()));
    if (success.schema() != null) {
      body.schema(OASFactory.createSchema().ref("#/components/schemas/" + success.schema()));
    }
    return OASFactory.createAPIResponse()
        .description(success.description())
        .content(OASFactory.createContent().addMediaType("application/json", body));
  }

  private static APIResponse response(SharedAnswer answer) {
    boolean accepted = !answer.problem();
    org.eclipse.microprofile.openapi.models.media.MediaType body =
        OASFactory.createMediaType()
            .schema(
                OASFactory.createSchema()
                    .ref(
                        accepted
                            ? "#/components/schemas/WorkflowAccepted"
                            : "#/components/schemas/Problem"));
    if (answer.example != null) {
      body.addExample(
          accepted ? "accepted" : "example", OASFactory.createExample().value(answer.example));
    }
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(answer.description)
            .content(
                OASFactory.createContent()
                    .addMediaType(accepted ? "application/json" : PROBLEM_JSON, body));
    if (accepted) {
      response.addHeader(
          "Location",
          OASFactory.createHeader()
              .description("/api/workflows/{workflowId}")
              .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
    }
    return response;
  }

  /** The language of {@code POST /api/hello}: one of the codes {@link Language} has. */
  private static void describeLanguages(Components components) {
    Schema request =
        components.getSchemas() == null ? null : components.getSchemas().get("HelloRequest");
    if (request == null || request.getProperties() == null) {
      return;
    }
    Schema language = request.getProperties().get("language");
    if (language != null) {
      language
          .description(Language.codes(", ") + ", in any case")
          .enumeration(Arrays.stream(Language.values()).map(l -> (Object) l.code()).toList());
    }
  }
}
