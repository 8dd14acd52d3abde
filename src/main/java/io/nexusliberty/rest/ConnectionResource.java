package io.nexusliberty.rest;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.TemporalRuntime;
import io.nexusliberty.temporal.TemporalSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/connection}: which Temporal server this deployment uses and what it runs. */
@Path("connection")
public class ConnectionResource {

  @Inject TemporalRuntime temporal;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ConnectionInfo connection() {
    TemporalSettings settings = temporal.settings();
    return new ConnectionInfo(
        settings.embedded(),
        temporal.target(),
        settings.tls().describe(),
        settings.roles().stream().map(Role::configName).sorted().toList(),
        temporal.workersStarted(),
        settings.callerNamespace(),
        settings.callerTaskQueue(),
        settings.handlerNamespace(),
        settings.handlerTaskQueue(),
        settings.nexusEndpoint(),
        settings.operationTimeout().toString(),
        settings.shutdownTimeout().toString());
  }
}
