package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The split between teams: the same WAR deployed twice side by side in one Liberty server, one
 * deployment with {@code temporal.workers=handler}, the other with {@code temporal.workers=caller},
 * against a real Temporal server; a call through the caller deployment completes on the handler
 * deployment.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class SplitRolesIT {

  private static final String ENDPOINT = "it-split-roles";

  /** Set for every test deployment by the test server's configDropins. */
  private static final String HANDLER_TASK_QUEUE = "it-handler-task-queue";

  private static final String CALLER_TASK_QUEUE = "it-split-roles-caller-queue";

  @Deployment(name = "handler-team", order = 1, testable = false)
  static WebArchive handlerTeam() {
    return TestWar.named("handler-team")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.workers", "handler")
        .with("temporal.nexus.endpoint", ENDPOINT)
        // The handler team owns the endpoint that points at its task queue.
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = "caller-team", order = 2, testable = false)
  static WebArchive callerTeam() {
    return TestWar.named("caller-team")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.workers", "caller")
        .with("temporal.caller.task-queue", CALLER_TASK_QUEUE)
        .with("temporal.nexus.endpoint", ENDPOINT)
        .with("temporal.provision", "false")
        .build();
  }

  @Test
  void eachDeploymentRunsOnlyItsRole(
      @ArquillianResource @OperateOnDeployment("handler-team") URL handlerTeam,
      @ArquillianResource @OperateOnDeployment("caller-team") URL callerTeam) {
    // Each deployment polls under its own identity, which ends with its context root.
    new HealthChecks(handlerTeam).awaitReady(200, Duration.ofSeconds(60));
    new HealthChecks(callerTeam).awaitReady(200, Duration.ofSeconds(60));
    RealServerChecks server = new RealServerChecks(TemporalDevServer.shared());

    List<String> handlerQueue = new ArrayList<>();
    handlerQueue.addAll(server.workflowPollers(HANDLER_NAMESPACE, HANDLER_TASK_QUEUE));
    handlerQueue.addAll(server.nexusPollers(HANDLER_NAMESPACE, HANDLER_TASK_QUEUE));
    List<String> callerQueue = server.workflowPollers(CALLER_NAMESPACE, CALLER_TASK_QUEUE);

    assertTrue(
        handlerQueue.stream().anyMatch(identity -> identity.endsWith("/handler-team")),
        "the handler team polls the handler task queue: " + handlerQueue);
    assertTrue(
        callerQueue.stream().anyMatch(identity -> identity.endsWith("/caller-team")),
        "the caller team polls the caller task queue: " + callerQueue);
    assertTrue(
        handlerQueue.stream().noneMatch(identity -> identity.endsWith("/caller-team")),
        "the caller team does not poll the handler task queue: " + handlerQueue);
    assertTrue(
        callerQueue.stream().noneMatch(identity -> identity.endsWith("/handler-team")),
        "the handler team does not poll the caller task queue: " + callerQueue);
  }

  @Test
  void aCallThroughTheCallerTeamCompletesOnTheHandlerTeam(
      @ArquillianResource @OperateOnDeployment("handler-team") URL handlerTeam,
      @ArquillianResource @OperateOnDeployment("caller-team") URL callerTeam) {
    // The handler team creates the endpoint before its workers start polling.
    ApiClient handlerApi = new ApiClient(handlerTeam);
    RealServerChecks.await(
        () -> handlerApi.get("api/connection").json().getBoolean("workersStarted"),
        started -> started,
        Duration.ofSeconds(60));
    String name = "Split " + UUID.randomUUID().toString().substring(0, 8);

    ApiClient.Answer answer =
        new ApiClient(callerTeam)
            .postJson("api/hello", "{\"name\": \"" + name + "\", \"language\": \"fr\"}");

    assertEquals(200, answer.status(), "POST /api/hello to the caller team: " + answer);
    assertEquals("Bonjour " + name + " 👋", answer.json().getString("result"));
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
        new RealServerChecks(TemporalDevServer.shared())
            .describe(HANDLER_NAMESPACE, "hello-fr-" + name.toLowerCase().replace(' ', '-'))
            .orElseThrow()
            .getStatus(),
        "the handler team ran the handler workflow");
  }
}
