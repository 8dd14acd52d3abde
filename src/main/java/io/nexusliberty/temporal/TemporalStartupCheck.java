package io.nexusliberty.temporal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the settings are valid and the connection is set up: the workers then start in the
 * background, whenever Temporal answers.
 */
@Startup
@ApplicationScoped
public class TemporalStartupCheck implements HealthCheck {

  @Inject TemporalRuntime temporal;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("temporal")
        .withData("address", temporal.target())
        .withData("embedded", temporal.settings().embedded())
        .up()
        .build();
  }
}
