package io.nexusliberty.temporal.health;

import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.versioning.DeploymentVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a call would succeed: the Temporal frontend answers, so do the history and matching
 * services behind it (a cluster's frontend answers for itself while they are down), the server sees
 * the workers of every configured role polling (since the connection, or history and matching, last
 * came back from a failure), and (caller role) the Nexus endpoint exists and, after such a failure,
 * a Nexus call has gone through again; its data says what it found, so that an operator sees why it
 * is down.
 */
@Readiness
@ApplicationScoped
public class TemporalReadinessCheck implements HealthCheck {

  @Inject TemporalHealth temporal;
  @Inject TemporalAvailability availability;
  @Inject TemporalSettings settings;
  @Inject ClusterServices services;
  @Inject NexusDeliveryProbe nexus;
  @Inject DeploymentVersions versions;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("temporal")
            .withData("address", temporal.target())
            .withData("embedded", settings.embedded())
            .withData(
                "roles",
                settings.roles().stream()
                    .map(Role::configName)
                    .sorted()
                    .collect(Collectors.joining(",")))
            .withData("callerNamespace", settings.callerNamespace())
            .withData("callerTaskQueue", settings.callerTaskQueue())
            .withData("handlerNamespace", settings.handlerNamespace())
            .withData("handlerTaskQueue", settings.handlerTaskQueue())
            .withData("nexusEndpoint", settings.nexusEndpoint());
    // A draining version stays ready: its pinned workflows still need it.
    versions.versions().stream()
        .map(
            version ->
                version.role().configName()
                    + " "
                    + version.describe()
                    + ": "
                    + versions.state(version))
        .reduce((a, b) -> a + "; " + b)
        .ifPresent(described -> response.withData("workerVersions", described));
    boolean ready;
    try {
      availability.ping();
      response.withData("frontend", "answers");
      ready =
          servicesReady(response)
              && workersReady(response) & endpointReady(response)
              && nexusDelivering(response);
    } catch (TemporalUnavailableException e) {
      response.withData("frontend", e.getMessage());
      nexus.temporalFailed();
      ready = false;
    }
    return response.status(ready).build();
  }

  /** Whether the cluster's history and matching services answer behind the frontend. */
  private boolean servicesReady(HealthCheckResponseBuilder response) {
    if (settings.embedded()) {
      return true;
    }
    List<String> missing;
    try {
      missing = services.missing();
    } catch (StatusRuntimeException e) {
      throw availability.unreachable(e);
    }
    response.withData(
        "services", missing.isEmpty() ? "history and matching answer" : String.join("; ", missing));
    return missing.isEmpty();
  }

  private boolean workersReady(HealthCheckResponseBuilder response) {
    Optional<String> notServing = temporal.workersNotServing();
    if (notServing.isPresent()) {
      response.withData("workers", notServing.get());
      return false;
    }
    response.withData(
        "workers",
        temporal.workerPlacements().isEmpty()
            ? "none configured"
            : "polling " + String.join("; ", temporal.workerPlacements()));
    return true;
  }

  /**
   * Whether Nexus calls go through (caller role, on a real server): after Temporal came back from a
   * failure, a cluster may hold them a while longer, which only a call that goes through shows.
   */
  private boolean nexusDelivering(HealthCheckResponseBuilder response) {
    if (settings.embedded() || !settings.runs(Role.CALLER)) {
      return true;
    }
    Optional<String> notDelivering = nexus.notDelivering();
    notDelivering.ifPresent(reason -> response.withData("nexus", reason));
    return notDelivering.isEmpty();
  }

  private boolean endpointReady(HealthCheckResponseBuilder response) {
    if (!settings.runs(Role.CALLER)) {
      return true;
    }
    Optional<Boolean> exists = availability.nexusEndpointExists();
    response.withData(
        "nexusEndpointState",
        exists.map(found -> found ? "exists" : "missing").orElse("not visible to this client"));
    return exists.orElse(true);
  }
}
