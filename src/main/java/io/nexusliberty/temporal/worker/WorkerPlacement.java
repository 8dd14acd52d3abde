package io.nexusliberty.temporal.worker;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.nexusliberty.temporal.config.TemporalSettings;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a component marked {@link RunsOn} runs: the role that enables it, namespace, task queue.
 */
record WorkerPlacement(Role role, String namespace, String taskQueue) {

  /**
   * Resolves the placement a class declares.
   *
   * @param config the value of a MicroProfile Config property, empty when it is not set
   * @throws InvalidSettingException when the class names a property that is not set
   */
  static WorkerPlacement of(
      Class<?> component, TemporalSettings settings, Function<String, Optional<String>> config) {
    RunsOn runsOn = component.getAnnotation(RunsOn.class);
    Role role = runsOn.value();
    return new WorkerPlacement(
        role,
        resolve(runsOn.namespaceProperty(), settings.namespace(role), component, config),
        resolve(runsOn.taskQueueProperty(), settings.taskQueue(role), component, config));
  }

  private static String resolve(
      String property,
      String roleDefault,
      Class<?> component,
      Function<String, Optional<String>> config) {
    if (property.isEmpty()) {
      return roleDefault;
    }
    return config
        .apply(property)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .orElseThrow(
            () ->
                new InvalidSettingException(
                    property, "not set; @RunsOn of " + component.getName() + " names it"));
  }

  /** A component and where it runs. */
  record Placed<T>(WorkerPlacement placement, T component) {}
}
