package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against a real Temporal server, the caller workflow in my-caller-namespace reaches the handler in
 * my-target-namespace through the Nexus endpoint, and the handler polls only its own namespace.
 */
@ExtendWith({RequiresRealTemporal.class, ArquillianExtension.class})
class CrossNamespaceIT {

  private static final String HANDLER_TASK_QUEUE = "it-handler-task-queue";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("cross-namespace")
        .with("temporal.address", RealTemporals.shared().address())
        .with("temporal.nexus.endpoint", "it-cross-namespace")
        .with("temporal.provision", "true")
        .build();
  }

  @ArquillianResource URL base;

  private final RealServerChecks server = new RealServerChecks(RealTemporals.shared());

  @Test
  void helloRunsTheCallerAndTheHandlerInTheirOwnNamespaces() {
    String name = "Cross " + UUID.randomUUID().toString().substring(0, 8);

    ApiClient.Answer answer =
        new ApiClient(base)
            .postJson("api/hello", "{\"name\": \"" + name + "\", \"language\": \"tr\"}");

    assertEquals(200, answer.status(), "POST /api/hello: " + answer);
    assertEquals("Merhaba " + name + " 👋", answer.json().getString("result"));
    WorkflowExecutionInfo caller =
        server.describe(CALLER_NAMESPACE, answer.json().getString("workflowId")).orElseThrow();
    assertEquals("HelloCallerWorkflow", caller.getType().getName());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, caller.getStatus());

    String handlerId = "hello-tr-" + name.toLowerCase().replace(' ', '-');
    WorkflowExecutionInfo handler = server.describe(HANDLER_NAMESPACE, handlerId).orElseThrow();
    assertEquals("HelloHandlerWorkflow", handler.getType().getName());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, handler.getStatus());
    assertEquals(HANDLER_TASK_QUEUE, handler.getTaskQueue(), "handler workflow's task queue");
    assertTrue(
        server.describe(CALLER_NAMESPACE, handlerId).isEmpty(),
        "the handler workflow must not run in the caller namespace");
  }

  @Test
  void echoRunsThroughTheEndpoint() {
    ApiClient.Answer answer =
        new ApiClient(base).postJson("api/echo", "{\"message\": \"across namespaces\"}");

    assertEquals(200, answer.status(), "POST /api/echo: " + answer);
    assertEquals("across namespaces", answer.json().getString("result"));
    WorkflowExecutionInfo caller =
        server.describe(CALLER_NAMESPACE, answer.json().getString("workflowId")).orElseThrow();
    assertEquals("EchoCallerWorkflow", caller.getType().getName());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, caller.getStatus());
  }

  @Test
  void theHandlerPollsOnlyItsOwnNamespace() {
    List<String> handlerPollers =
        RealServerChecks.await(
            () -> server.nexusPollers(HANDLER_NAMESPACE, HANDLER_TASK_QUEUE),
            pollers -> !pollers.isEmpty(),
            Duration.ofSeconds(30));

    assertFalse(handlerPollers.isEmpty(), "Nexus pollers in " + HANDLER_NAMESPACE);
    assertEquals(
        List.of(),
        server.nexusPollers(CALLER_NAMESPACE, HANDLER_TASK_QUEUE),
        "no Nexus poller of the handler queue in " + CALLER_NAMESPACE + " on a real server");
  }
}
