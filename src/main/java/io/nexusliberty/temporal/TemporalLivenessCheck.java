package io.nexusliberty.temporal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application runs: an unreachable Temporal server makes it not ready, not dead,
 * since restarting the application would not bring the server back.
 */
@Liveness
@ApplicationScoped
public class TemporalLivenessCheck implements HealthCheck {

  @Inject TemporalRuntime temporal;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("temporal")
        .withData("workers", temporal.workersStarted() ? "started" : "starting")
        .up()
        .build();
  }
}
