package io.nexusliberty.temporal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a class marked {@link RunsOn} runs, resolved through configuration. */
class WorkerPlacementTest {

  @RunsOn(Role.HANDLER)
  static class OnTheHandlersQueue {}

  @RunsOn(value = Role.CALLER, taskQueueProperty = "team.queue", namespaceProperty = "team.ns")
  static class OnItsOwnQueue {}

  private final Map<String, String> config = new HashMap<>(WarDefaults.load());

  private TemporalSettings settings() {
    return TemporalSettings.load(name -> Optional.ofNullable(config.get(name)));
  }

  private WorkerPlacement placement(Class<?> type) {
    return WorkerPlacement.of(type, settings(), name -> Optional.ofNullable(config.get(name)));
  }

  @Test
  void aRoleGivesItsNamespaceAndTaskQueue() {
    config.put(SettingNames.HANDLER_TASK_QUEUE, "team-handlers");

    assertEquals(
        new WorkerPlacement(Role.HANDLER, "my-target-namespace", "team-handlers"),
        placement(OnTheHandlersQueue.class));
  }

  @Test
  void aClassMayNameItsOwnProperties() {
    config.put("team.queue", " team-queue ");
    config.put("team.ns", "team-ns");

    assertEquals(
        new WorkerPlacement(Role.CALLER, "team-ns", "team-queue"), placement(OnItsOwnQueue.class));
  }

  @Test
  void aPropertyThatIsNotSetIsNamed() {
    config.put("team.ns", "team-ns");

    InvalidSettingException error =
        assertThrows(InvalidSettingException.class, () -> placement(OnItsOwnQueue.class));

    assertEquals("team.queue", error.property());
    assertEquals(
        "Invalid setting team.queue (environment variable TEAM_QUEUE): not set; @RunsOn of "
            + OnItsOwnQueue.class.getName()
            + " names it",
        error.getMessage());
  }
}
