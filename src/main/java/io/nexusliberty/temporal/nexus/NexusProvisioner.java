package io.nexusliberty.temporal.nexus;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.nexus.v1.Endpoint;
import io.temporal.api.nexus.v1.EndpointSpec;
import io.temporal.api.nexus.v1.EndpointTarget;
import io.temporal.api.operatorservice.v1.CreateNexusEndpointRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Creates the two namespaces and the Nexus endpoint when they are missing ({@code
 * temporal.provision}). Idempotent: what exists is left as it is, so every start may run it.
 */
public final class NexusProvisioner {

  private static final Logger LOG = Logger.getLogger(NexusProvisioner.class.getName());
  private static final Duration RPC_DEADLINE = Duration.ofSeconds(10);
  private static final com.google.protobuf.Duration NAMESPACE_RETENTION =
      com.google.protobuf.Duration.newBuilder().setSeconds(TimeUnit.DAYS.toSeconds(1)).build();

  private final TemporalConnection connection;
  private final TemporalSettings settings;

  public NexusProvisioner(TemporalConnection connection, TemporalSettings settings) {
    this.connection = connection;
    this.settings = settings;
  }

  /** Creates what is missing and logs what it did. */
  public void provision() {
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(settings.callerNamespace());
    namespaces.add(settings.handlerNamespace());
    namespaces.forEach(this::ensureNamespace);
    ensureEndpoint();
  }

  private void ensureNamespace(String namespace) {
    try {
      connection
          .workflowService()
          .blockingStub()
          .withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      LOG.fine(() -> "Namespace " + namespace + " exists");
      return;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    try {
      connection
          .workflowService()
          .blockingStub()
          .withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .registerNamespace(
              RegisterNamespaceRequest.newBuilder()
                  .setNamespace(namespace)
                  .setWorkflowExecutionRetentionPeriod(NAMESPACE_RETENTION)
                  .setDescription("Created by nexus-liberty (temporal.provision)")
                  .build());
      LOG.info(() -> "Created namespace " + namespace + " (temporal.provision)");
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  private void ensureEndpoint() {
    String name = settings.nexusEndpoint();
    Optional<Endpoint> existing = connection.nexusEndpoint(name, RPC_DEADLINE);
    if (existing.isPresent()) {
      EndpointTarget.Worker target = existing.get().getSpec().getTarget().getWorker();
      if (!target.getNamespace().equals(settings.handlerNamespace())
          || !target.getTaskQueue().equals(settings.handlerTaskQueue())) {
        LOG.warning(
            () ->
                "Nexus endpoint "
                    + name
                    + " exists but targets namespace "
                    + target.getNamespace()
                    + ", task queue "
                    + target.getTaskQueue()
                    + ", not "
                    + settings.handlerNamespace()
                    + ", "
                    + settings.handlerTaskQueue()
                    + "; left as it is. Change it with the temporal CLI, or set "
                    + SettingNames.NEXUS_ENDPOINT
                    + " to another name");
      } else {
        LOG.fine(() -> "Nexus endpoint " + name + " exists");
      }
      return;
    }
    EndpointSpec spec =
        EndpointSpec.newBuilder()
            .setName(name)
            .setDescription(
                Payload.newBuilder()
                    .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                    .setData(
                        ByteString.copyFromUtf8(
                            "\"Created by nexus-liberty for the Nexus services on task queue "
                                + settings.handlerTaskQueue()
                                + "\"")))
            .setTarget(
                EndpointTarget.newBuilder()
                    .setWorker(
                        EndpointTarget.Worker.newBuilder()
                            .setNamespace(settings.handlerNamespace())
                            .setTaskQueue(settings.handlerTaskQueue())))
            .build();
    try {
      connection
          .operatorService()
          .blockingStub()
          .withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .createNexusEndpoint(CreateNexusEndpointRequest.newBuilder().setSpec(spec).build());
      LOG.info(
          () ->
              "Created Nexus endpoint "
                  + name
                  + " targeting namespace "
                  + settings.handlerNamespace()
                  + ", task queue "
                  + settings.handlerTaskQueue()
                  + " (temporal.provision)");
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
