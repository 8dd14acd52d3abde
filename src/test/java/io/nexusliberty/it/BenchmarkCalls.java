package io.nexusliberty.it;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.UUID;

/**
 * The benchmark's calls, made two ways: through the application's HTTP API, and with the bare
 * Temporal SDK starting the same caller workflow on the same task queue and waiting for its result
 * (what a Java program would do without the application's API). Both are executed by the
 * application's workers; every answer is checked.
 */
final class BenchmarkCalls {

  static final String CALLER_TASK_QUEUE = "my-caller-workflow-task-queue";

  /** The two workflows of the API. */
  enum Workflow {
    ECHO,
    HELLO
  }

  /** How a call reaches Temporal. */
  enum Side {
    API,
    SDK
  }

  private final URI api;
  private final WorkflowClient client;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * @param base the application's root URL
   * @param client a client of the caller namespace, of the same Temporal server
   */
  BenchmarkCalls(URL base, WorkflowClient client) {
    this.api = URI.create(base.toString()).resolve("api/");
    this.client = client;
  }

  LoadBlock.Call call(Side side, Workflow workflow) {
    return switch (side) {
      case API -> workflow == Workflow.ECHO ? this::apiEcho : this::apiHello;
      case SDK -> workflow == Workflow.ECHO ? this::sdkEcho : this::sdkHello;
    };
  }

  private void apiEcho(long sequence) throws Exception {
    String message = "bench " + run + " " + sequence;
    expect(message, post("echo", Json.createObjectBuilder().add("message", message).build()));
  }

  private void apiHello(long sequence) throws Exception {
    String name = name(sequence);
    expect(
        greeting(name),
        post("hello", Json.createObjectBuilder().add("name", name).add("language", "en").build()));
  }

  private void sdkEcho(long sequence) {
    String message = "bench " + run + " " + sequence;
    EchoCallerWorkflow workflow =
        client.newWorkflowStub(EchoCallerWorkflow.class, options("echo-caller-"));
    expect(message, workflow.echo(message));
  }

  private void sdkHello(long sequence) {
    String name = name(sequence);
    HelloCallerWorkflow workflow =
        client.newWorkflowStub(HelloCallerWorkflow.class, options("hello-caller-"));
    expect(greeting(name), workflow.hello(name, "en"));
  }

  /** The options the API gives its workflows, but for the memo only the API needs. */
  private static WorkflowOptions options(String idPrefix) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(idPrefix + UUID.randomUUID())
        .setTaskQueue(CALLER_TASK_QUEUE)
        .build();
  }

  /** A name of its own per call: each greeting is its own handler workflow. */
  private String name(long sequence) {
    return "b" + run + "-" + sequence;
  }

  private static String greeting(String name) {
    return "Hello " + name + " 👋";
  }

  /** One POST of the API, its result read from the answer (see {@link KeptAliveCalls}). */
  private String post(String path, JsonObject body) throws Exception {
    KeptAliveCalls.Answer answer = KeptAliveCalls.post(api.resolve(path), body, null, 60_000);
    if (answer.status() != 200) {
      throw new AssertionError("POST /api/" + path + ": " + answer.status() + " " + answer.body());
    }
    try (var reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject().getString("result");
    }
  }

  private static void expect(String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError("expected \"" + expected + "\", got \"" + actual + "\"");
    }
  }
}
