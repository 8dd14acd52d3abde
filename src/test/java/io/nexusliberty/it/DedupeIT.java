package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two concurrent {@code say-hello} calls with the same name and language share one handler workflow
 * run: both operations start, the second attaches to the first one's run, and the handler worker
 * executes that run alone. The handler workflow holds its greeting until both operations have
 * started, so the calls overlap whatever the timing.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class DedupeIT {

  private static final String ENDPOINT = "it-dedupe";
  private static HeldHandlerWorker handler;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    handler = new HeldHandlerWorker(TemporalDevServer.shared(), ENDPOINT, "it-dedupe-queue");
    return TestWar.named("dedupe")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.workers", "caller")
        .with("temporal.nexus.endpoint", ENDPOINT)
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

  @Test
  void concurrentCallsForOneGreetingRunOneHandlerWorkflow() {
    ApiClient api = new ApiClient(base);
    String name = "Dedupe " + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\": \"" + name + "\", \"language\": \"en\"}";
    String handlerId = "hello-en-" + name.toLowerCase().replace(' ', '-');

    CompletableFuture<ApiClient.Answer> first =
        CompletableFuture.supplyAsync(() -> api.postJson("api/hello", body));
    CompletableFuture<ApiClient.Answer> second =
        CompletableFuture.supplyAsync(() -> api.postJson("api/hello", body));
    int starts =
        RealServerChecks.await(
            () -> HeldHandlerWorker.operationStarts(name),
            count -> count >= 2,
            Duration.ofSeconds(30));
    assertEquals(2, starts, "say-hello operations started for " + name);
    WorkflowClient handlerNamespace = TemporalDevServer.shared().client(HANDLER_NAMESPACE);
    // An operation counts as started as its handler begins, a moment before the server records
    // its start: release the greeting only once the handler workflow exists with both operations'
    // completion callbacks attached, or the second could arrive after the run has ended.
    int attached =
        RealServerChecks.await(
            () -> attachedCallbacks(handlerId), count -> count >= 2, Duration.ofSeconds(30));
    assertEquals(2, attached, "operations attached to " + handlerId);
    handlerNamespace.newUntypedWorkflowStub(handlerId).signal(HeldHandlerWorker.RELEASE);

    for (ApiClient.Answer answer : List.of(first.join(), second.join())) {
      assertEquals(200, answer.status(), "each call answers: " + answer);
      assertEquals("Hello " + name + " 👋", answer.json().getString("result"));
    }
    assertEquals(
        1,
        HeldHandlerWorker.runs(handlerId).size(),
        "runs of "
            + handlerId
            + " the handler worker executed: "
            + HeldHandlerWorker.runs(handlerId));
    assertEquals(2, HeldHandlerWorker.operationStarts(name), "no operation started again");
  }

  /** The completion callbacks attached to the handler workflow's run; 0 while it does not exist. */
  private static int attachedCallbacks(String handlerId) {
    try {
      return TemporalDevServer.shared()
          .workflowService()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(HANDLER_NAMESPACE)
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(handlerId))
                  .build())
          .getCallbacksCount();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return 0;
      }
      throw e;
    }
  }
}
