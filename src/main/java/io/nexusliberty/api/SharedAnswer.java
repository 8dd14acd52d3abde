package io.nexusliberty.api;

import io.nexusliberty.service.Language;

/**
 * The answers several operations of the API share, for the OpenAPI document: each by its name among
 * the document's components, with its status, meaning and, where it helps, an example.
 */
enum SharedAnswer {
  ACCEPTED(
      "Accepted",
      "202",
      "With ?wait=false: the caller workflow started; follow it at Location",
      "{\"workflowId\": \"hello-caller-69858009\", \"runId\": \"4b14c52d\", \"status\":"
          + " \"running\"}"),
  BAD_REQUEST(
      "BadRequest",
      "400",
      "Invalid body, missing, blank or over-long field, unknown language",
      "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,\"detail\":"
          + "\"Unsupported language \\\"xx\\\": use one of "
          + Language.codes(", ")
          + "\",\"field\":\"language\"}"),
  UNAUTHORIZED(
      "Unauthorized",
      "401",
      "With authentication on: no bearer token, or one that is expired, from another issuer or"
          + " not signed by its key",
      null),
  FORBIDDEN(
      "Forbidden",
      "403",
      "Authenticated without the role this path needs (api-user, or api-admin for the connection"
          + " and the metrics), or a POST from another site's page",
      null),
  UNKNOWN_WORKFLOW(
      "UnknownWorkflow",
      "404",
      "No caller workflow with this ID started by this API (for this caller, with authentication)",
      null),
  BODY_TIMEOUT("BodyTimeout", "408", "The request body did not arrive within 4 s", null),
  CONFLICT("Conflict", "409", "Idempotency-Key already used for a different request", null),
  ALREADY_FINISHED("AlreadyFinished", "409", "The workflow has already finished", null),
  BODY_TOO_LARGE("BodyTooLarge", "413", "The request body is larger than 16 KiB", null),
  NOT_JSON("NotJson", "415", "A POST without Content-Type: application/json", null),
  MISDIRECTED_REQUEST(
      "MisdirectedRequest",
      "421",
      "The Host names a host the application is not (not localhost, an IP address, or a host of"
          + " api.public-origins)",
      null),
  WORKFLOW_FAILED(
      "WorkflowFailed",
      "422",
      "The Nexus operation or the caller workflow failed, or the caller workflow was cancelled,"
          + " terminated or timed out (workflowStatus says which)",
      "{\"type\":\"about:blank\",\"title\":\"Workflow failed\",\"status\":422,\"detail\":"
          + "\"EchoCallerWorkflow failed: operation timed out\",\"workflowId\":"
          + "\"echo-caller-3f2a\"}"),
  TEMPORAL_UNAVAILABLE(
      "TemporalUnavailable",
      "503",
      "Temporal unreachable, credentials refused, or the Nexus endpoint missing",
      "{\"type\":\"about:blank\",\"title\":\"Temporal unavailable\",\"status\":503,"
          + "\"detail\":\"Temporal at localhost:7233 is not reachable (UNAVAILABLE: io"
          + " exception): check temporal.address, ...\"}"),
  RESULT_NOT_READY(
      "ResultNotReady",
      "504",
      "No result within api.wait-timeout; the workflow goes on running",
      null);

  final String name;
  final String status;
  final String description;

  /** An example of the answer's body, or null. */
  final String example;

  SharedAnswer(String name, String status, String description, String example) {
    this.name = name;
    this.status = status;
    this.description = description;
    this.example = example;
  }

  /** Whether this is a problem answer ({@code application/problem+json}). */
  boolean problem() {
    return this != ACCEPTED;
  }
}
