package io.nexusliberty.temporal.nexus;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.TemporalConnection;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the Nexus endpoint the caller workflows use exists. A caller workflow that schedules an
 * operation on a missing endpoint does not fail: its workflow task is retried until someone creates
 * the endpoint. Checking first turns that silent hang into a clear answer.
 */
public final class NexusEndpointCheck {

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  private final TemporalConnection connection;
  private final String endpoint;
  private volatile boolean found;

  public NexusEndpointCheck(TemporalConnection connection, String endpoint) {
    this.connection = connection;
    this.endpoint = endpoint;
  }

  /**
   * True or false when the server says; empty when it does not let this client look (Temporal Cloud
   * manages endpoints through its own API, and an API key may lack the permission). Once found, the
   * endpoint is not looked up again.
   */
  public Optional<Boolean> exists() {
    if (found) {
      return Optional.of(true);
    }
    try {
      found = connection.nexusEndpoint(endpoint, DEADLINE).isPresent();
      return Optional.of(found);
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNIMPLEMENTED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** What to tell a user whose endpoint is missing. */
  public String missingMessage(TemporalSettings settings) {
    return "The Nexus endpoint "
        + endpoint
        + " does not exist on Temporal at "
        + connection.target()
        + ", so caller workflows cannot call the handler. Create it (temporal operator nexus"
        + " endpoint create --name "
        + endpoint
        + " --target-namespace "
        + settings.handlerNamespace()
        + " --target-task-queue "
        + settings.handlerTaskQueue()
        + "), set "
        + SettingNames.PROVISION
        + "=true to let the application create it, or set "
        + SettingNames.NEXUS_ENDPOINT
        + " to an endpoint that exists.";
  }
}
