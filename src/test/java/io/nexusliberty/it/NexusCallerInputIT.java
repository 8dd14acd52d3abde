package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callers in any language, on a real Temporal server: a caller workflow of the test's own sends
 * payloads through the real Nexus endpoint exactly as given. Input the handler cannot take fails at
 * once, for good, with the handler's message; a bad caller does not slow good ones; and the answers
 * are byte for byte those of Go's handler.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class NexusCallerInputIT {

  private static final String ENDPOINT = "it-caller-input";
  private static final String HANDLER_TASK_QUEUE = "it-handler-task-queue";
  private static final String CALLER_TASK_QUEUE = "it-raw-caller";

  /** What the issue allows a refused call, from start to the caller's answer. */
  private static final Duration FAST = Duration.ofSeconds(2);

  private static final String ECHO_SHAPE = "expected json/plain {\"Message\": \"...\"}";
  private static final String HELLO_SHAPE =
      "expected json/plain {\"Name\": \"...\", \"Language\": \"en|fr|de|es|tr\"}";

  private static WorkerFactory callers;
  private static WorkflowClient client;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("caller-input")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.nexus.endpoint", ENDPOINT)
        .with("temporal.provision", "true")
        .build();
  }

  @BeforeAll
  static void startTheRawCaller() {
    TemporalDevServer server = TemporalDevServer.shared();
    client =
        WorkflowClient.newInstance(
            server.workflowService(),
            WorkflowClientOptions.newBuilder()
                .setNamespace(CALLER_NAMESPACE)
                .setDataConverter(RawPayloads.dataConverter())
                .build());
    callers = WorkerFactory.newInstance(client);
    callers
        .newWorker(CALLER_TASK_QUEUE)
        .registerWorkflowImplementationTypes(RawNexusCallerImpl.class);
    callers.start();
    List<String> handlers =
        RealServerChecks.await(
            () -> new RealServerChecks(server).nexusPollers(HANDLER_NAMESPACE, HANDLER_TASK_QUEUE),
            pollers -> !pollers.isEmpty(),
            Duration.ofSeconds(60));
    assertFalse(handlers.isEmpty(), "the application's handler polls " + HANDLER_TASK_QUEUE);
  }

  @AfterAll
  static void stopTheRawCaller() {
    if (callers != null) {
      callers.shutdownNow();
      callers.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** One call through the endpoint: how it ended, and how long it took. */
  private record Call(String workflowId, String answer, Duration took) {}

  private static Call call(String operation, String encoding, String data) {
    String workflowId = "raw-caller-" + UUID.randomUUID();
    RawNexusCaller caller =
        client.newWorkflowStub(
            RawNexusCaller.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(CALLER_TASK_QUEUE)
                .setWorkflowId(workflowId)
                .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
                .build());
    long start = System.nanoTime();
    String answer = caller.call(ENDPOINT, operation, encoding, data);
    return new Call(workflowId, answer, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Call goodEcho() {
    Call call = call("echo", "json/plain", "{\"Message\":\"still here\"}");
    assertEquals("ok {Message=still here}", call.answer(), "a good echo after bad calls");
    return call;
  }

  /** A bad input, what the caller must be told, and the shape it must be told to send. */
  private record BadInput(
      String operation, String encoding, String data, String problem, String shape) {}

  private static final List<BadInput> BAD_INPUTS =
      List.of(
          new BadInput(
              "echo", null, "Nexus", "the payload has no \"encoding\" metadata", ECHO_SHAPE),
          new BadInput(
              "echo",
              "binary/plain",
              "Nexus",
              "the payload's encoding is \"binary/plain\"",
              ECHO_SHAPE),
          new BadInput(
              "echo", "json/plain", "Nexus", "the payload is not valid JSON: ", ECHO_SHAPE),
          new BadInput(
              "echo",
              "json/plain",
              "{\"Message\": [\"Nexus\"]}",
              "the payload's JSON has another shape: ",
              ECHO_SHAPE),
          new BadInput(
              "say-hello",
              "json/plain",
              "[\"Nexus\", \"en\"]",
              "the payload's JSON has another shape: ",
              HELLO_SHAPE),
          new BadInput(
              "echo",
              "json/plain",
              "\"Nexus\"",
              "the payload's JSON has another shape: the value is a string, not an object",
              ECHO_SHAPE),
          new BadInput(
              "say-hello",
              "json/plain",
              "{\"Name\": \"Nexus\"}",
              "field \"Language\" is missing or null",
              HELLO_SHAPE),
          new BadInput(
              "say-hello",
              "json/plain",
              "{\"Name\": \"Nexus\", \"Language\": \"xx\"}",
              "unsupported language \"xx\"",
              HELLO_SHAPE));

  private static void assertRefused(BadInput input, Call call) {
    String prefix =
        "BAD_REQUEST NON_RETRYABLE BadNexusInput: Bad input to my-hello-service/"
            + input.operation()
            + ": ";
    assertTrue(
        call.answer().startsWith(prefix + input.problem()),
        "the caller is told what was wrong with " + input + ": " + call.answer());
    assertTrue(
        call.answer().endsWith("; " + input.shape()),
        "the caller is told what to send: " + call.answer());
    assertTrue(
        call.took().compareTo(FAST) < 0,
        "a refused call ends at once, not after retries: " + call.took() + " for " + input);
    assertFalse(
        call.answer().contains("io.nexusliberty") || call.answer().contains("`"),
        "no class names for another team: " + call.answer());
  }

  /**
   * A lone surrogate in a name, escaped as Python's json.dumps and JavaScript's JSON.stringify
   * write it, is read as Go reads it (U+FFFD): the same input is the same name every time, so its
   * calls share the business ID like any other and none runs out of workflow IDs.
   */
  @Test
  void aLoneSurrogateIsReadAsGoReadsIt() {
    for (int round = 0; round < 5; round++) {
      Call call = call("say-hello", "json/plain", "{\"Name\":\"a\\ud800\",\"Language\":\"en\"}");
      assertTrue(call.answer().startsWith("ok "), "round " + round + ": " + call.answer());
      assertEquals(
          "{\"Message\":\"Hello a\ufffd 👋\"}",
          operationResult(call.workflowId()).getData().toStringUtf8(),
          "the greeting Go's handler gives, round " + round);
    }
  }

  /** A caller's text in a refusal is escaped in the log: no line of its making. */
  @Test
  void aCallersTextCannotForgeALogLine() throws IOException {
    long forgedBefore = logLinesStartingWith("FORGED");
    Call refused =
        call(
            "say-hello",
            "json/plain",
            "{\"Name\":\"x\",\"Language\":\"xx\\nFORGED entry\\u2028\\u001b[31m\"}");
    assertTrue(refused.answer().startsWith("BAD_REQUEST"), refused.answer());
    awaitLogLines("xx\\u000aFORGED entry\\u2028\\u001b[31m", 1);
    assertEquals(
        1,
        logLines("xx\\u000aFORGED entry\\u2028\\u001b[31m"),
        "the language, escaped, in one line");
    assertEquals(forgedBefore, logLinesStartingWith("FORGED"), "no line begins with caller text");
  }

  @Test
  void undecodableInputFailsAtOnceForGoodWithTheHandlersMessage() throws IOException {
    goodEcho(); // warm: the first call of a run pays for the workflow's first task
    long refusalsBefore = logLines("Refused a Nexus call");
    long sdkWarningsBefore = logLines("Nexus start operation failure");

    for (BadInput input : BAD_INPUTS) {
      Call refused = call(input.operation(), input.encoding(), input.data());
      assertRefused(input, refused);
      Call good = goodEcho();
      assertTrue(
          good.took().compareTo(FAST) < 0,
          "a good call right after a bad one takes its usual time: " + good.took());
      System.out.printf(
          "%-9s %-12s %-40s refused in %4d ms; next good echo %4d ms%n",
          input.operation(),
          input.encoding(),
          input.data(),
          refused.took().toMillis(),
          good.took().toMillis());
    }

    // One line per refused call (a retry would log another), and no stack trace from the SDK.
    awaitLogLines("Refused a Nexus call", refusalsBefore + BAD_INPUTS.size());
    assertEquals(
        refusalsBefore + BAD_INPUTS.size(),
        logLines("Refused a Nexus call"),
        "one WARN line per refused call");
    assertEquals(
        sdkWarningsBefore,
        logLines("Nexus start operation failure"),
        "the SDK's warning with a stack trace is not logged for a caller's bad input");
  }

  @Test
  void aBadCallerDoesNotSlowGoodOnes() throws Exception {
    goodEcho();
    List<Duration> before = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      before.add(goodEcho().took());
    }

    List<Duration> refused = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      BadInput input = BAD_INPUTS.get(i % BAD_INPUTS.size());
      Call call = call(input.operation(), input.encoding(), input.data());
      assertRefused(input, call);
      refused.add(call.took());
    }

    // While a bad caller keeps going, good calls through the same endpoint.
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger badDuring = new AtomicInteger();
    ExecutorService badCaller = Executors.newSingleThreadExecutor();
    List<Duration> during = new ArrayList<>();
    try {
      Future<?> bad =
          badCaller.submit(
              () -> {
                while (!stop.get()) {
                  BadInput input = BAD_INPUTS.get(badDuring.getAndIncrement() % BAD_INPUTS.size());
                  assertRefused(input, call(input.operation(), input.encoding(), input.data()));
                }
                return null;
              });
      for (int i = 0; i < 10; i++) {
        during.add(goodEcho().took());
      }
      stop.set(true);
      bad.get(60, TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      badCaller.shutdownNow();
    }

    System.out.printf(
        "Bad calls: %d in a row, refused in median %d ms (max %d ms). Good echo: median %d ms"
            + " before (max %d), %d ms while %d more bad calls ran (max %d)%n",
        refused.size(),
        median(refused).toMillis(),
        max(refused).toMillis(),
        median(before).toMillis(),
        max(before).toMillis(),
        median(during).toMillis(),
        badDuring.get(),
        max(during).toMillis());
    assertTrue(badDuring.get() > 0, "bad calls ran alongside the good ones");
    assertTrue(
        max(during).compareTo(FAST) < 0,
        "good calls keep their usual time while a bad caller runs (an open circuit breaker would"
            + " hold them for a minute): "
            + during);
  }

  @Test
  void answersAreTheGoHandlersBytes() throws IOException {
    List<String[]> rows = goRows();
    assertTrue(rows.size() >= 15, "rows: " + rows.size());
    for (String[] row : rows) {
      String input = new String(HexFormat.of().parseHex(row[1]), StandardCharsets.UTF_8);
      Call call = call(row[0], "json/plain", input);
      assertTrue(call.answer().startsWith("ok "), row[0] + " of " + input + ": " + call.answer());

      Payload result = operationResult(call.workflowId());
      assertEquals("json/plain", result.getMetadataOrThrow("encoding").toStringUtf8());
      assertEquals(
          row[2],
          HexFormat.of().formatHex(result.getData().toByteArray()),
          row[0]
              + " of "
              + input
              + ": Go writes "
              + new String(HexFormat.of().parseHex(row[2]), StandardCharsets.UTF_8)
              + ", the handler wrote "
              + result.getData().toStringUtf8());
    }
  }

  /** The result payload of the caller's Nexus operation, as the server recorded it. */
  private static Payload operationResult(String workflowId) {
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_NEXUS_OPERATION_COMPLETED) {
        return event.getNexusOperationCompletedEventAttributes().getResult();
      }
    }
    throw new AssertionError("no completed Nexus operation in " + workflowId);
  }

  /** Calls and the Go handler's answers, written by Go itself (src/test/go/reference). */
  private static List<String[]> goRows() throws IOException {
    try (InputStream table = NexusCallerInputIT.class.getResourceAsStream("go-endpoint.txt")) {
      return new String(table.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t"))
          .toList();
    }
  }

  private static long logLinesStartingWith(String text) throws IOException {
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    try (var lines = Files.lines(messages, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.startsWith(text)).count();
    }
  }

  private static long logLines(String text) throws IOException {
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    try (var lines = Files.lines(messages, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(text)).count();
    }
  }

  private static void awaitLogLines(String text, long count) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (logLines(text) < count && System.nanoTime() < deadline) {
      TemporalDevServer.sleep(Duration.ofMillis(100));
    }
  }

  private static Duration median(List<Duration> times) {
    return times.stream().sorted().toList().get(times.size() / 2);
  }

  private static Duration max(List<Duration> times) {
    return times.stream().max(Duration::compareTo).orElseThrow();
  }
}
