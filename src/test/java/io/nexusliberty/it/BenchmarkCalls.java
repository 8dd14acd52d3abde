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
import java.util.function.Function;

/**
 * The benchmark's calls, made two ways: through the application's HTTP API, and with the bare
 * Temporal SDK starting the same caller workflow on the same task queue and waiting for its result
 * (what a Java program would do without the application's API). Both are executed by the
 * application's workers; every answer is checked.
 */
final class BenchmarkCalls {

  static final String CALLER_TASK_QUEUE = "my-caller-workflow-task-queue";

  /** The task queue of the load generator's own caller worker, which only the eager side uses. */
  static final String LOCAL_CALLER_TASK_QUEUE = "bench-load-generator-caller";

  /** The two workflows of the API. */
  enum Workflow {
    ECHO,
    HELLO
  }

  /** How a call reaches Temporal. */
  enum Side {
    /** The application's HTTP API, which starts eagerly for its own caller worker. */
    API,
    /** The bare SDK, its workflows run by the application's workers. */
    SDK,
    /**
     * The bare SDK with a caller worker of its own in the load generator (on a task queue of its
     * own), starting eagerly for it as the API does for the application's: the comparison with the
     * API's eager start.
     */
    SDK_EAGER
  }

  private final URI api;
  private final WorkflowClient client;
  private final WorkflowClient eagerClient;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * @param base the application's root URL
   * @param client a client of the caller namespace, of the same Temporal server
   * @param eagerClient a client of the caller namespace whose worker factory runs the caller
   *     workflows in this JVM, on {@link #LOCAL_CALLER_TASK_QUEUE}
   */
  BenchmarkCalls(URL base, WorkflowClient client, WorkflowClient eagerClient) {
    this.api = URI.create(base.toString()).resolve("api/");
    this.client = client;
    this.eagerClient = eagerClient;
  }

  LoadBlock.Call call(Side side, Workflow workflow) {
    return switch (side) {
      case API -> workflow == Workflow.ECHO ? this::apiEcho : this::apiHello;
      case SDK ->
          workflow == Workflow.ECHO
              ? sequence -> sdkEcho(sequence, client, BenchmarkCalls::options)
              : sequence -> sdkHello(sequence, client, BenchmarkCalls::options);
      case SDK_EAGER ->
          workflow == Workflow.ECHO
              ? sequence -> sdkEcho(sequence, eagerClient, BenchmarkCalls::eagerOptions)
              : sequence -> sdkHello(sequence, eagerClient, BenchmarkCalls::eagerOptions);
    };
  }

  private static WorkflowOptions eagerOptions(String idPrefix) {
    return options(idPrefix).toBuilder()
        .setTaskQueue(LOCAL_CALLER_TASK_QUEUE)
        .setDisableEagerExecution(false)
        .build();
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

  private void sdkEcho(
      long sequence, WorkflowClient client, Function<String, WorkflowOptions> options) {
    String message = "bench " + run + " " + sequence;
    EchoCallerWorkflow workflow =
        client.newWorkflowStub(EchoCallerWorkflow.class, options.apply("echo-caller-"));
    expect(message, workflow.echo(message));
  }

  private void sdkHello(
      long sequence, WorkflowClient client, Function<String, WorkflowOptions> options) {
    String name = name(sequence);
    HelloCallerWorkflow workflow =
        client.newWorkflowStub(HelloCallerWorkflow.class, options.apply("hello-caller-"));
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
