package io.nexusliberty.rest;

import io.nexusliberty.caller.EchoCallerWorkflow;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

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
  public WorkflowResult echo(InputStream body) {
    String message = JsonRequest.read(body).requiredText("message", MAX_MESSAGE_LENGTH);
    return runner.run(EchoCallerWorkflow.class.getSimpleName(), "echo-caller-", message);
  }
}
