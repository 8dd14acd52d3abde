package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.config.TemporalSettings;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.NexusOperationOptions;
import io.temporal.workflow.NexusServiceOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which endpoint and timeout the Nexus calls of the caller workflows get. */
public final class NexusCallOptions {

  private NexusCallOptions() {}

  /**
   * The endpoint and operation timeout of every Nexus service the workflows call: the service's own
   * endpoint from {@code temporal.nexus.service-endpoints}, else {@code temporal.nexus.endpoint}.
   */
  public static WorkflowImplementationOptions of(TemporalSettings settings) {
    NexusOperationOptions operations =
        NexusOperationOptions.newBuilder()
            .setScheduleToCloseTimeout(settings.operationTimeout())
            .build();
    Map<String, NexusServiceOptions> services = new LinkedHashMap<>();
    settings
        .serviceEndpoints()
        .forEach(
            (service, endpoint) ->
                services.put(
                    service,
                    NexusServiceOptions.newBuilder()
                        .setEndpoint(endpoint)
                        .setOperationOptions(operations)
                        .build()));
    return WorkflowImplementationOptions.newBuilder()
        .setDefaultNexusServiceOptions(
            NexusServiceOptions.newBuilder()
                .setEndpoint(settings.nexusEndpoint())
                .setOperationOptions(operations)
                .build())
        .setNexusServiceOptions(services)
        .build();
  }
}
