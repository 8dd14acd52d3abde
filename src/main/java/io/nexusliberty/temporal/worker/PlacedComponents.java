package io.nexusliberty.temporal.worker;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.RunsOn;
import io.nexusliberty.temporal.config.TemporalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The deployment's {@link RunsOn} components, each where it runs, with the Nexus service beans of
 * the roles this deployment runs created, and destroyed again on stop.
 */
@ApplicationScoped
class PlacedComponents {

  @Inject TemporalSettings settings;
  @Inject TemporalComponents components;
  @Inject Config config;
  @Inject @Any Instance<Object> beans;

  private final List<Object> created = new ArrayList<>();

  /**
   * @throws InvalidSettingException when a class names a property that is not set
   */
  List<WorkerPlacement.Placed<Class<?>>> workflows() {
    return components.workflows().stream()
        .map(type -> new WorkerPlacement.Placed<Class<?>>(placement(type), type))
        .toList();
  }

  /**
   * Creates the Nexus service beans of the roles this deployment runs.
   *
   * @throws InvalidSettingException when a class names a property that is not set
   */
  synchronized List<WorkerPlacement.Placed<Object>> nexusServices() {
    List<WorkerPlacement.Placed<Object>> placed = new ArrayList<>();
    for (Class<?> type : components.nexusServices()) {
      WorkerPlacement placement = placement(type);
      if (settings.runs(placement.role())) {
        Object service = beans.select(type).get();
        created.add(service);
        placed.add(new WorkerPlacement.Placed<>(placement, service));
      }
    }
    return placed;
  }

  /** Destroys the Nexus service beans created so far. */
  synchronized void destroy() {
    created.forEach(beans::destroy);
    created.clear();
  }

  private WorkerPlacement placement(Class<?> type) {
    return WorkerPlacement.of(
        type, settings, property -> config.getOptionalValue(property, String.class));
  }
}
