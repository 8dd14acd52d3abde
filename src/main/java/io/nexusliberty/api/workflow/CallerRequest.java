package io.nexusliberty.api.workflow;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.service.Language;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated request to run a caller workflow: its type, the prefix of its generated ID, its
 * arguments (which also make the request's fingerprint for {@code Idempotency-Key}), and its start
 * through the workflow's typed stub.
 */
public record CallerRequest(
    String workflowType, String idPrefix, List<String> arguments, TypedStart start) {

  /** Starts the workflow through its typed stub, so the compiler checks the arguments. */
  @FunctionalInterface
  public interface TypedStart {
    WorkflowExecution start(WorkflowClient client, WorkflowOptions options);
  }

  /** {@code EchoCallerWorkflow.echo(message)}. */
  public static CallerRequest echo(String message) {
    return new CallerRequest(
        EchoCallerWorkflow.class.getSimpleName(),
        ApiWorkflowIds.ECHO_ID_PREFIX,
        List.of(message),
        (client, options) ->
            WorkflowClient.start(
                client.newWorkflowStub(EchoCallerWorkflow.class, options)::echo, message));
  }

  /** {@code HelloCallerWorkflow.hello(name, language)}. */
  public static CallerRequest hello(String name, Language language) {
    return new CallerRequest(
        HelloCallerWorkflow.class.getSimpleName(),
        ApiWorkflowIds.HELLO_ID_PREFIX,
        List.of(name, language.code()),
        (client, options) ->
            WorkflowClient.start(
                client.newWorkflowStub(HelloCallerWorkflow.class, options)::hello,
                name,
                language.code()));
  }

  /** SHA-256 of the workflow type and arguments: equal for requests that mean the same. */
  public String fingerprint() {
    MessageDigest digest = sha256();
    digest.update(workflowType.getBytes(StandardCharsets.UTF_8));
    for (String argument : arguments) {
      digest.update((byte) 0);
      digest.update(argument.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
