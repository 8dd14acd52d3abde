package io.nexusliberty.temporal.health;

import io.nexusliberty.temporal.config.TemporalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application's start-up is done: the settings are valid, the connection is set
 * up, and the workers of its roles have started, which they do as soon as Temporal answers. Until
 * then the data says what the start-up is waiting for.
 */
@Startup
@ApplicationScoped
public class TemporalStartupCheck implements HealthCheck {

  @Inject TemporalHealth temporal;
  @Inject TemporalSettings settings;

  @Override
  public HealthCheckResponse call() {
    Optional<String> pending = temporal.startupPending();
    return HealthCheckResponse.named("temporal")
        .withData("address", temporal.target())
        .withData("embedded", settings.embedded())
        .withData("workers", pending.orElse("started"))
        .status(pending.isEmpty())
        .build();
  }
}
