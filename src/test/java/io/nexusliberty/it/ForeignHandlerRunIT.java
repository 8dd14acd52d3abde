package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A handler of another implementation on the same task queue (the Go sample's, during a migration)
 * already runs a greeting under the business ID, with no memo of this handler's: a call whose input
 * equals that run's start input attaches to it, whoever started it; a call whose input differs
 * (another spelling of the same business ID) gets a workflow of its own, never that run's answer.
 * The other implementation's runs are started here as the Go sample starts them: type {@code
 * HelloHandlerWorkflow}, input {@code {"Name":...,"Language":...}}, no memo; a start delay keeps
 * them running while the call arrives, after which this application's worker runs them.
 */
@ExtendWith({RequiresRealTemporal.class, ArquillianExtension.class})
class ForeignHandlerRunIT {

  private static final String HANDLER_TASK_QUEUE = "it-handler-task-queue";
  private static final Duration FOREIGN_START_DELAY = Duration.ofSeconds(8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("foreign-handler-run")
        .with("temporal.address", RealTemporals.shared().address())
        .with("temporal.nexus.endpoint", "it-foreign-handler-run")
        .with("temporal.provision", "true")
        .build();
  }

  @ArquillianResource URL base;

  private final RealServerChecks server = new RealServerChecks(RealTemporals.shared());

  @Test
  void aCallWithTheSameInputAttachesToTheOtherImplementationsRun() {
    new HealthChecks(base).awaitReady(200, Duration.ofSeconds(60));
    String name = "Ada Lovelace " + suffix();
    String businessId = businessId(name);
    String foreignRun = startForeignRun(businessId, name);

    ApiClient.Answer answer = hello(name);

    assertEquals(200, answer.status(), "POST /api/hello: " + answer);
    assertEquals("Hello " + name + " 👋", answer.json().getString("result"));
    assertEquals(
        businessId,
        handlerWorkflowOf(answer.json().getString("workflowId")),
        "the operation runs under the business ID");
    List<WorkflowExecutionInfo> runs = server.runs(HANDLER_NAMESPACE, businessId);
    assertEquals(1, runs.size(), "one run under " + businessId + ": " + runs);
    assertEquals(foreignRun, runs.get(0).getExecution().getRunId(), "the other's run");
  }

  @Test
  void aCallWithAnotherInputGetsItsOwnWorkflow() {
    new HealthChecks(base).awaitReady(200, Duration.ofSeconds(60));
    String name = "Grace Hopper " + suffix();
    String businessId = businessId(name);
    // The same business ID (case and spaces fold), another exact name.
    String foreignName = name.toUpperCase(Locale.ROOT);
    String foreignRun = startForeignRun(businessId, foreignName);

    ApiClient.Answer answer = hello(name);

    assertEquals(200, answer.status(), "POST /api/hello: " + answer);
    assertEquals("Hello " + name + " 👋", answer.json().getString("result"));
    String own = handlerWorkflowOf(answer.json().getString("workflowId"));
    assertNotEquals(businessId, own, "not the other's run");
    assertTrue(own.startsWith(businessId + "-"), "an ID derived from the exact name: " + own);
    List<WorkflowExecutionInfo> runs = server.runs(HANDLER_NAMESPACE, businessId);
    assertEquals(
        List.of(foreignRun), runs.stream().map(run -> run.getExecution().getRunId()).toList());
  }

  /** Starts a run as the Go sample's handler does, delayed so that it is running when called. */
  private static String startForeignRun(String businessId, String name) {
    WorkflowStub stub =
        RealTemporals.shared()
            .client(HANDLER_NAMESPACE)
            .newUntypedWorkflowStub(
                "HelloHandlerWorkflow",
                WorkflowOptions.newBuilder()
                    .setWorkflowId(businessId)
                    .setTaskQueue(HANDLER_TASK_QUEUE)
                    .setStartDelay(FOREIGN_START_DELAY)
                    .build());
    return stub.start(Map.of("Name", name, "Language", "en")).getRunId();
  }

  private ApiClient.Answer hello(String name) {
    return new ApiClient(base)
        .postJson("api/hello", "{\"name\": \"" + name + "\", \"language\": \"en\"}");
  }

  /** The handler workflow ID the caller's Nexus operation ran under, from its operation token. */
  private static String handlerWorkflowOf(String callerWorkflowId) {
    HistoryEvent started =
        RealTemporals.shared()
            .client(CALLER_NAMESPACE)
            .fetchHistory(callerWorkflowId)
            .getEvents()
            .stream()
            .filter(event -> event.getEventType() == EventType.EVENT_TYPE_NEXUS_OPERATION_STARTED)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Nexus operation in " + callerWorkflowId));
    String token = started.getNexusOperationStartedEventAttributes().getOperationToken();
    String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(decoded))) {
      return reader.readObject().getString("wid");
    }
  }

  private static String businessId(String name) {
    return "hello-en-" + name.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
