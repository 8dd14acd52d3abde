package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.net.URL;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancelling a caller workflow through the API while its {@code say-hello} operation is in flight
 * cancels the handler workflow behind the operation, in the other namespace.
 */
@ExtendWith({RequiresRealTemporal.class, ArquillianExtension.class})
class CancellationIT {

  private static final String ENDPOINT = "it-cancellation";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static HeldHandlerWorker handler;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    handler = new HeldHandlerWorker(RealTemporals.shared(), ENDPOINT, "it-cancellation-queue");
    return TestWar.named("cancellation")
        .with("temporal.address", RealTemporals.shared().address())
        .with("temporal.workers", "caller")
        .with("temporal.nexus.endpoint", ENDPOINT)
        .with("temporal.nexus.operation-timeout", "5m")
        .with("temporal.provision", "false")
        .build();
  }

  @AfterAll
  static void stopHandler() {
    if (handler != null) {
      handler.close();
    }
  }

  @ArquillianResource URL base;

  private final RealServerChecks server = new RealServerChecks(RealTemporals.shared());

  @Test
  void cancellingTheCallerCancelsTheHandlerWorkflow() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    // Never released: the handler workflow runs until it is cancelled.
    String name = "Cancel " + suffix;
    String handlerId = "hello-en-" + name.toLowerCase().replace(' ', '-');
    ApiClient api = new ApiClient(base);
    ApiClient.Answer accepted =
        api.postJson("api/hello?wait=false", "{\"name\": \"" + name + "\", \"language\": \"en\"}");
    assertEquals(202, accepted.status(), "accepted: " + accepted);
    String callerId = accepted.json().getString("workflowId");
    assertEquals(
        Optional.of(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING),
        awaitStatus(
            HANDLER_NAMESPACE,
            handlerId,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING),
        "the handler workflow runs while the operation is in flight");

    ApiClient.Answer cancel =
        api.post("api/workflows/" + callerId + "/cancel", "application/json", "");

    assertEquals(202, cancel.status(), "POST cancel: " + cancel);
    assertEquals(
        Optional.of(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED),
        awaitStatus(
            HANDLER_NAMESPACE,
            handlerId,
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED),
        "the handler workflow is cancelled with its caller");
    assertEquals(
        Optional.of(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED),
        awaitStatus(
            CALLER_NAMESPACE, callerId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED),
        "the caller workflow ends cancelled");

    ApiClient.Answer again =
        api.post("api/workflows/" + callerId + "/cancel", "application/json", "");
    assertEquals(409, again.status(), "cancelling a finished workflow: " + again);
    assertTrue(again.isProblem(), "problem+json expected: " + again);
  }

  @Test
  void cancellingAnUnknownWorkflowAnswers404() {
    ApiClient.Answer answer =
        new ApiClient(base)
            .post("api/workflows/hello-caller-key-no-such-workflow/cancel", "application/json", "");

    assertEquals(404, answer.status(), "POST cancel of an unknown ID: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    assertEquals("hello-caller-key-no-such-workflow", answer.json().getString("workflowId"));
  }

  private Optional<WorkflowExecutionStatus> awaitStatus(
      String namespace, String workflowId, WorkflowExecutionStatus expected) {
    return RealServerChecks.await(
        () -> server.describe(namespace, workflowId).map(info -> info.getStatus()),
        status -> status.equals(Optional.of(expected)),
        WAIT);
  }
}
