package io.nexusliberty.temporal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which endpoint and timeout each Nexus service a workflow calls gets. */
class NexusCallOptionsTest {

  private static WorkflowImplementationOptions options(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(WarDefaults.load());
    values.putAll(overrides);
    return NexusCallOptions.of(
        TemporalSettings.load(name -> Optional.ofNullable(values.get(name))));
  }

  @Test
  void everyServiceGetsTheEndpointAndTheTimeoutByDefault() {
    WorkflowImplementationOptions options =
        options(
            Map.of(
                SettingNames.NEXUS_ENDPOINT, "shared-endpoint",
                SettingNames.NEXUS_OPERATION_TIMEOUT, "90s"));

    assertEquals("shared-endpoint", options.getDefaultNexusServiceOptions().getEndpoint());
    assertEquals(
        Duration.ofSeconds(90),
        options.getDefaultNexusServiceOptions().getOperationOptions().getScheduleToCloseTimeout());
    assertEquals(Map.of(), options.getNexusServiceOptions());
  }

  @Test
  void aServiceMayHaveItsOwnEndpoint() {
    WorkflowImplementationOptions options =
        options(
            Map.of(
                SettingNames.NEXUS_ENDPOINT, "shared-endpoint",
                SettingNames.NEXUS_SERVICE_ENDPOINTS, "billing-service=billing-endpoint"));

    assertEquals(
        "billing-endpoint", options.getNexusServiceOptions().get("billing-service").getEndpoint());
    assertEquals(
        Duration.ofMinutes(5),
        options
            .getNexusServiceOptions()
            .get("billing-service")
            .getOperationOptions()
            .getScheduleToCloseTimeout());
    assertEquals("shared-endpoint", options.getDefaultNexusServiceOptions().getEndpoint());
  }
}
