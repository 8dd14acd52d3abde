package io.nexusliberty.temporal.health;

import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.nexus.NexusEndpointCheck;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What must hold before a caller workflow is started: a server that answers, an endpoint. */
@ApplicationScoped
public class TemporalPreconditions {

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;
  @Inject TemporalFailures failures;
  @Inject TemporalHealth health;

  /**
   * Returns at once while the channel is connected; otherwise asks the server once, briefly.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public void requireReachable() {
    if (!lifecycle.connection().connected()) {
      health.ping();
    }
  }

  /**
   * Returns when the Nexus endpoint exists, when the server does not let this client look, or when
   * this deployment creates the endpoint itself ({@code temporal.provision}), which it may still be
   * doing.
   *
   * @throws TemporalUnavailableException when the endpoint is missing or the server does not answer
   */
  public void requireNexusEndpoint() {
    if (settings.provisions()) {
      return;
    }
    NexusEndpointCheck endpoint = lifecycle.endpointCheck();
    boolean exists;
    try {
      exists = endpoint.exists().orElse(true);
    } catch (StatusRuntimeException e) {
      throw failures.unreachable(e);
    }
    if (!exists) {
      throw new TemporalUnavailableException(endpoint.missingMessage(settings), null);
    }
  }
}
