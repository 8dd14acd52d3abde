package io.nexusliberty.api;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.health.TemporalHealth;
import io.nexusliberty.temporal.versioning.DeploymentVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /api/connection}: which Temporal server this deployment uses and what it runs. */
@ApplicationScoped
@Path("connection")
public class ConnectionResource {

  @Inject TemporalHealth temporal;
  @Inject DeploymentVersions versions;
  @Inject TemporalSettings settings;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The Temporal server, security, roles, namespaces, queues and endpoint in use")
  @APIResponse(
      responseCode = "200",
      description = "What this deployment uses",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConnectionInfo.class)))
  public ConnectionInfo connection() {
    return new ConnectionInfo(
        settings.embedded(),
        temporal.target(),
        settings.tls().describe(),
        settings.clientProfile().orElse(null),
        List.copyOf(settings.grpcMetadata().keySet()),
        temporal.tracing(),
        settings.roles().stream().map(Role::configName).sorted().toList(),
        temporal.workersStarted(),
        settings.callerNamespace(),
        settings.callerTaskQueue(),
        settings.handlerNamespace(),
        settings.handlerTaskQueue(),
        settings.nexusEndpoint(),
        settings.operationTimeout().toString(),
        settings.shutdownTimeout().toString(),
        temporal.identity(),
        settings.workflowCacheSize(),
        settings.maxWorkflowThreads(),
        Arrays.stream(Role.values())
            .collect(
                Collectors.toMap(Role::configName, settings::tuning, (a, b) -> a, TreeMap::new)),
        versions.describe());
  }
}
