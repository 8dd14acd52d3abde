package io.nexusliberty.temporal.health;

import io.nexusliberty.temporal.config.TemporalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless a worker thread is stuck: a task that has run longer than {@code
 * temporal.stuck-task-timeout}, which only a restart frees. An unreachable Temporal server makes
 * the application not ready, not dead: restarting it would not bring the server back.
 */
@Liveness
@ApplicationScoped
public class TemporalLivenessCheck implements HealthCheck {

  @Inject TemporalHealth temporal;
  @Inject TemporalSettings settings;

  @Override
  public HealthCheckResponse call() {
    Optional<String> stuck = temporal.stuckTask();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("temporal")
            .withData("workers", temporal.workersStarted() ? "started" : "starting")
            .withData("runningTasks", temporal.runningTasks())
            .withData("stuckTaskTimeout", settings.stuckTaskTimeout().toString());
    stuck.ifPresent(task -> response.withData("stuck", task));
    return response.status(stuck.isEmpty()).build();
  }
}
