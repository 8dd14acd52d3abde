package io.nexusliberty.api;

import io.nexusliberty.api.problem.ProblemDocument;
import io.nexusliberty.api.workflow.WorkflowAccepted;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The JAX-RS application: every resource answers under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "nexus-liberty",
            version = "1.0",
            description =
                "Starts Temporal's hello-Nexus caller workflows, which call the Nexus service"
                    + " my-hello-service through the endpoint my-nexus-endpoint-name, and reports"
                    + " on them. Errors are application/problem+json."),
    components =
        @Components(
            parameters = {
              @Parameter(
                  name = "wait",
                  in = ParameterIn.QUERY,
                  description = "false: answer 202 at once instead of waiting for the result",
                  schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")),
              @Parameter(
                  name = "Idempotency-Key",
                  in = ParameterIn.HEADER,
                  description =
                      "Retries with the same key and body return the same workflow, and one"
                          + " runs; 1 to 100 letters, digits, '.', '_' or '-'",
                  schema = @Schema(type = SchemaType.STRING, example = "order-42"))
            },
            responses = {
              @APIResponse(
                  name = "Accepted",
                  responseCode = "202",
                  description =
                      "With ?wait=false: the caller workflow started; follow it at Location",
                  headers =
                      @Header(
                          name = "Location",
                          description = "/api/workflows/{workflowId}",
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = "application/json",
                          schema = @Schema(implementation = WorkflowAccepted.class),
                          examples =
                              @ExampleObject(
                                  name = "accepted",
                                  value =
                                      "{\"workflowId\": \"hello-caller-69858009\", \"runId\":"
                                          + " \"4b14c52d\", \"status\": \"running\"}"))),
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description = "Invalid body, missing, blank or over-long field, unknown language",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class),
                          examples =
                              @ExampleObject(
                                  name = "unknown language",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Invalid request\","
                                          + "\"status\":400,\"detail\":\"Unsupported language"
                                          + " \\\"xx\\\": use one of en, fr, de, es, tr\","
                                          + "\"field\":\"language\"}"))),
              @APIResponse(
                  name = "Conflict",
                  responseCode = "409",
                  description = "Idempotency-Key already used for a different request",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "WorkflowFailed",
                  responseCode = "422",
                  description =
                      "The Nexus operation or the caller workflow failed, or the caller workflow"
                          + " was cancelled, terminated or timed out (workflowStatus says which)",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class),
                          examples =
                              @ExampleObject(
                                  name = "operation timed out",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Workflow failed\","
                                          + "\"status\":422,\"detail\":\"EchoCallerWorkflow failed:"
                                          + " operation timed out\",\"workflowId\":"
                                          + "\"echo-caller-3f2a\"}"))),
              @APIResponse(
                  name = "TemporalUnavailable",
                  responseCode = "503",
                  description =
                      "Temporal unreachable, credentials refused, or the Nexus endpoint missing",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class),
                          examples =
                              @ExampleObject(
                                  name = "unreachable",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Temporal"
                                          + " unavailable\",\"status\":503,\"detail\":\"Temporal at"
                                          + " localhost:7233 is not reachable (UNAVAILABLE: io"
                                          + " exception): check temporal.address, ...\"}"))),
              @APIResponse(
                  name = "ResultNotReady",
                  responseCode = "504",
                  description = "No result within api.wait-timeout; the workflow goes on running",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "BodyTimeout",
                  responseCode = "408",
                  description = "The request body did not arrive within 4 s",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "BodyTooLarge",
                  responseCode = "413",
                  description = "The request body is larger than 16 KiB",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "NotJson",
                  responseCode = "415",
                  description = "A POST without Content-Type: application/json",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "UnknownWorkflow",
                  responseCode = "404",
                  description =
                      "No caller workflow with this ID started by this API (for this caller, with"
                          + " authentication)",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "Unauthorized",
                  responseCode = "401",
                  description =
                      "With authentication on: no bearer token, or one that is expired, from"
                          + " another issuer or not signed by its key",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description =
                      "Authenticated without the role this path needs (api-user, or api-admin for"
                          + " the connection and the metrics), or a POST from another site's page",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "MisdirectedRequest",
                  responseCode = "421",
                  description =
                      "The Host names a host the application is not (not localhost, an IP"
                          + " address, or a host of api.public-origins)",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class)))
            }))
public class NexusApiApplication extends Application {}
