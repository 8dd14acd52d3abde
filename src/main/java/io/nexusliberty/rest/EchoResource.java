package io.nexusliberty.rest;

import io.nexusliberty.caller.EchoCallerWorkflow;
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
import java.util.List;

/**
 * {@code POST /api/echo}: runs {@code EchoCallerWorkflow}, which calls the {@code echo} operation.
 */
@Path("echo")
public class EchoResource {

  /** Longest message accepted, in characters. */
  static final int MAX_MESSAGE_LENGTH = 1000;

  @Inject CallerWorkflowRunner runner;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response echo(
      InputStream body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context UriInfo uri) {
    String message = JsonRequest.read(body).requiredText("message", MAX_MESSAGE_LENGTH);
    CallerRequest request =
        new CallerRequest(
            EchoCallerWorkflow.class.getSimpleName(), "echo-caller-", List.of(message));
    return CallerCalls.call(runner, request, wait, idempotencyKey, uri);
  }
}
