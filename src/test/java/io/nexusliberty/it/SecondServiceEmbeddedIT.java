package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the embedded server, a second team's Nexus service, added to the WAR without touching the
 * application's plumbing, is found, registered and called end to end beside the hello service.
 */
@ExtendWith(ArquillianExtension.class)
class SecondServiceEmbeddedIT {

  private static final int EMBEDDED_PORT = TestWar.freePort();

  private static WorkflowServiceStubs service;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SecondTeam.war(
        TestWar.named("second-service")
            .with("temporal.embedded.port", String.valueOf(EMBEDDED_PORT)));
  }

  @ArquillianResource URL base;

  @AfterAll
  static void close() {
    if (service != null) {
      service.shutdownNow();
    }
  }

  @Test
  void theSecondServiceAnswersThroughTheSameEndpoint() {
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + EMBEDDED_PORT)
                .build());
    WorkflowClient callers =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(TemporalDevServer.CALLER_NAMESPACE)
                .build());

    assertEquals("NEXUS!", SecondTeam.shout(callers, "nexus"));

    ApiClient.Answer echo = new ApiClient(base).postJson("api/echo", "{\"message\": \"beside\"}");
    assertEquals(200, echo.status(), "the hello service still answers: " + echo);
    assertEquals("beside", echo.json().getString("result"));
  }
}
