package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a real Temporal server, a second team's Nexus service added to the WAR is called across
 * namespaces through the same endpoint as the hello service, and its handler workflow runs on the
 * task queue its own property names, in the handler namespace.
 */
@ExtendWith({RequiresRealTemporal.class, ArquillianExtension.class})
class SecondServiceRealServerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SecondTeam.war(
        TestWar.named("second-service-real")
            .with("temporal.address", RealTemporals.shared().address())
            .with("temporal.nexus.endpoint", "it-second-service")
            .with("temporal.provision", "true"));
  }

  @ArquillianResource URL base;

  @Test
  void theSecondServiceAnswersAcrossNamespaces() {
    RealTemporal server = RealTemporals.shared();

    assertEquals("WORDS!", SecondTeam.shout(server.client(CALLER_NAMESPACE), "words"));

    List<WorkflowExecutionInfo> shouts =
        server
            .workflowService()
            .blockingStub()
            .listWorkflowExecutions(
                ListWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(HANDLER_NAMESPACE)
                    .setQuery("WorkflowType = 'ShoutWorkflow'")
                    .build())
            .getExecutionsList();
    assertEquals(
        List.of(SecondTeam.SHOUT_TASK_QUEUE),
        shouts.stream().map(WorkflowExecutionInfo::getTaskQueue).distinct().toList(),
        "the handler workflow runs on its own task queue in " + HANDLER_NAMESPACE);

    ApiClient.Answer echo = new ApiClient(base).postJson("api/echo", "{\"message\": \"beside\"}");
    assertEquals(200, echo.status(), "the hello service still answers: " + echo);
  }
}
