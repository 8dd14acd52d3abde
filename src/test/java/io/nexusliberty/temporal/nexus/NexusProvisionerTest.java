package io.nexusliberty.temporal.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.uber.m3.tally.NoopScope;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import io.nexusliberty.temporal.connection.ConnectionSpec;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.connection.TemporalTracing;
import io.nexusliberty.temporal.embedded.EmbeddedTemporalServer;
import io.temporal.api.nexus.v1.Endpoint;
import io.temporal.api.nexus.v1.EndpointSpec;
import io.temporal.api.nexus.v1.EndpointTarget;
import io.temporal.api.operatorservice.v1.CreateNexusEndpointRequest;
import io.temporal.api.operatorservice.v1.ListNexusEndpointsRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning against a real (Java test) Temporal server over gRPC. */
class NexusProvisionerTest {

  private EmbeddedTemporalServer server;
  private TemporalConnection connection;
  private TemporalSettings settings;

  @BeforeEach
  void startServer() {
    server = EmbeddedTemporalServer.start(0, 2000);
    settings = defaultSettings();
    connection =
        TemporalConnection.open(
            new ConnectionSpec(
                server.target(),
                "provisioner-test",
                settings.tls(),
                Map.of(),
                new NoopScope(),
                TemporalTracing.OFF,
                NexusInputDataConverter.goCompatible(),
                server.inProcessName()));
  }

  @AfterEach
  void stopServer() {
    connection.close();
    server.close();
  }

  @Test
  void createsTheEndpointTargetingTheHandler() {
    new NexusProvisioner(connection, settings).provision();

    List<Endpoint> endpoints = endpoints();
    assertEquals(1, endpoints.size(), "endpoints after provisioning: " + endpoints);
    EndpointSpec spec = endpoints.get(0).getSpec();
    assertEquals("my-nexus-endpoint-name", spec.getName());
    assertEquals("my-target-namespace", spec.getTarget().getWorker().getNamespace());
    assertEquals("my-handler-task-queue", spec.getTarget().getWorker().getTaskQueue());
  }

  @Test
  void aSecondRunChangesNothing() {
    new NexusProvisioner(connection, settings).provision();
    List<Endpoint> first = endpoints();

    new NexusProvisioner(connection, settings).provision();

    assertEquals(first, endpoints(), "the second run must leave the endpoint as it was");
  }

  @Test
  void anEndpointTargetingElsewhereIsLeftAsItIs() {
    EndpointSpec elsewhere =
        EndpointSpec.newBuilder()
            .setName("my-nexus-endpoint-name")
            .setTarget(
                EndpointTarget.newBuilder()
                    .setWorker(
                        EndpointTarget.Worker.newBuilder()
                            .setNamespace("other-namespace")
                            .setTaskQueue("other-queue")))
            .build();
    connection
        .operatorService()
        .blockingStub()
        .createNexusEndpoint(CreateNexusEndpointRequest.newBuilder().setSpec(elsewhere).build());
    List<Endpoint> before = endpoints();

    new NexusProvisioner(connection, settings).provision();

    assertEquals(before, endpoints(), "an operator's endpoint is not overwritten");
  }

  private List<Endpoint> endpoints() {
    return connection
        .operatorService()
        .blockingStub()
        .listNexusEndpoints(ListNexusEndpointsRequest.newBuilder().setPageSize(100).build())
        .getEndpointsList();
  }

  private static TemporalSettings defaultSettings() {
    Map<String, String> values = WarDefaults.load();
    return TemporalSettings.load(name -> Optional.ofNullable(values.get(name)));
  }
}
