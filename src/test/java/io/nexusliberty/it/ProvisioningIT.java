package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.nexus.v1.Endpoint;
import io.temporal.api.operatorservice.v1.ListNexusEndpointsRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code temporal.provision} against a fresh real server that has neither the namespaces nor the
 * endpoint: the first start creates them, a second start changes nothing, and with provisioning off
 * a missing endpoint is answered at once with 503, not with a hang.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class ProvisioningIT {

  private static final String PROVISION_ON = "provision-on";
  private static final String PROVISION_OFF = "provision-off";
  private static final String ENDPOINT = "it-provisioned";
  private static TemporalDevServer fresh;

  @ArquillianResource Deployer deployer;

  /** A server of this class's own, started with no namespace but "default". */
  private static synchronized TemporalDevServer fresh() {
    if (fresh == null) {
      fresh = TemporalDevServer.start(List.of());
    }
    return fresh;
  }

  @AfterAll
  static void stopServer() {
    if (fresh != null) {
      fresh.close();
    }
  }

  @Deployment(name = PROVISION_ON, managed = false, testable = false)
  static WebArchive provisionOn() {
    return TestWar.named(PROVISION_ON)
        .with("temporal.address", fresh().address())
        .with("temporal.nexus.endpoint", ENDPOINT)
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = PROVISION_OFF, managed = false, testable = false)
  static WebArchive provisionOff() {
    return TestWar.named(PROVISION_OFF)
        .with("temporal.address", fresh().address())
        .with("temporal.nexus.endpoint", "it-never-created")
        .with("temporal.provision", "false")
        .build();
  }

  @Test
  void firstStartCreatesNamespacesAndEndpointSecondChangesNothing() throws Exception {
    ApiClient api = new ApiClient(url(PROVISION_ON));
    long createdBefore = provisioningLines();

    deployer.deploy(PROVISION_ON);
    try {
      assertEquals(200, awaitHello(api).status(), "first start: POST /api/hello");
      describeNamespace(CALLER_NAMESPACE);
      describeNamespace(HANDLER_NAMESPACE);
      Endpoint created = endpoint();
      assertEquals(HANDLER_NAMESPACE, created.getSpec().getTarget().getWorker().getNamespace());
      assertEquals(
          "it-handler-task-queue", created.getSpec().getTarget().getWorker().getTaskQueue());
      long createdByFirstStart = provisioningLines() - createdBefore;
      assertEquals(3, createdByFirstStart, "two namespaces and one endpoint created, and logged");

      deployer.undeploy(PROVISION_ON);
      deployer.deploy(PROVISION_ON);

      assertEquals(200, awaitHello(api).status(), "second start: POST /api/hello");
      assertEquals(created, endpoint(), "the second start leaves the endpoint as it was");
      assertEquals(
          createdByFirstStart,
          provisioningLines() - createdBefore,
          "the second start creates nothing");
    } finally {
      deployer.undeploy(PROVISION_ON);
    }
  }

  @Test
  void withoutProvisioningAMissingEndpointIsAnsweredAtOnce() throws Exception {
    deployer.deploy(PROVISION_OFF);
    try {
      long started = System.nanoTime();
      ApiClient.Answer answer =
          new ApiClient(url(PROVISION_OFF)).postJson("api/echo", "{\"message\": \"hello?\"}");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertEquals(503, answer.status(), "POST /api/echo with no endpoint: " + answer);
      String detail = answer.json().getString("detail");
      assertTrue(detail.contains("it-never-created"), "names the endpoint: " + detail);
      assertTrue(detail.contains("temporal.provision"), "names the setting: " + detail);
      assertTrue(
          took.compareTo(Duration.ofSeconds(10)) < 0,
          "answered without waiting for the operation timeout, took " + took);
    } finally {
      deployer.undeploy(PROVISION_OFF);
    }
  }

  private static ApiClient.Answer awaitHello(ApiClient api) {
    // A namespace registered a moment ago takes a few seconds to reach every server component.
    return RealServerChecks.await(
        () -> api.postJson("api/hello", "{\"name\": \"Provisioned\", \"language\": \"en\"}"),
        answer -> answer.status() == 200,
        Duration.ofSeconds(90));
  }

  private static void describeNamespace(String namespace) {
    fresh()
        .workflowService()
        .blockingStub()
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
  }

  private static Endpoint endpoint() {
    return fresh()
        .operatorService()
        .blockingStub()
        .listNexusEndpoints(ListNexusEndpointsRequest.newBuilder().setName(ENDPOINT).build())
        .getEndpoints(0);
  }

  /** How many "Created ..." lines provisioning has written to the server's log so far. */
  private static long provisioningLines() throws IOException {
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    return Files.readAllLines(messages).stream()
        .filter(line -> line.contains("NexusProvisioner") && line.contains(" Created "))
        .count();
  }

  private static URL url(String deployment) throws Exception {
    return new URL(
        "http://localhost:" + System.getProperty("it.http.port") + "/" + deployment + "/");
  }
}
