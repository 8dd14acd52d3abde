package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.RunsOn;
import java.util.Comparator;
import java.util.List;

/**
 * The workflow implementations and Nexus service implementations of the deployment that run on its
 * workers ({@link RunsOn}), in a stable order.
 */
public record TemporalComponents(List<Class<?>> workflows, List<Class<?>> nexusServices) {

  public TemporalComponents {
    workflows = workflows.stream().sorted(Comparator.comparing(Class::getName)).toList();
    nexusServices = nexusServices.stream().sorted(Comparator.comparing(Class::getName)).toList();
  }
}
