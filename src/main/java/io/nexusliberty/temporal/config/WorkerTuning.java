package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.SettingsReader;
import io.nexusliberty.temporal.Role;

/**
 * How one role's workers are sized: task slots and pollers per task queue, as Temporal's {@code
 * WorkerOptions} calls them.
 */
public record WorkerTuning(
    int maxConcurrentWorkflowTasks,
    int maxConcurrentNexusTasks,
    int workflowPollers,
    int nexusPollers) {

  /** The property names of a role's tuning: {@code temporal.<role>.<name>}. */
  public static String property(Role role, String name) {
    return "temporal." + role.configName() + "." + name;
  }

  public static final String MAX_CONCURRENT_WORKFLOW_TASKS = "max-concurrent-workflow-tasks";
  public static final String MAX_CONCURRENT_NEXUS_TASKS = "max-concurrent-nexus-tasks";
  public static final String WORKFLOW_POLLERS = "workflow-pollers";
  public static final String NEXUS_POLLERS = "nexus-pollers";

  public static WorkerTuning read(SettingsReader reader, Role role) {
    return new WorkerTuning(
        reader.integer(property(role, MAX_CONCURRENT_WORKFLOW_TASKS), 1),
        reader.integer(property(role, MAX_CONCURRENT_NEXUS_TASKS), 1),
        // Temporal's workflow pollers alternate between the sticky and the normal queue: 2 at
        // least.
        reader.integer(property(role, WORKFLOW_POLLERS), 2),
        reader.integer(property(role, NEXUS_POLLERS), 1));
  }

  /** For the startup line: "200 workflow and 200 Nexus task slots, 5 and 5 pollers". */
  public String describe() {
    return maxConcurrentWorkflowTasks
        + " workflow and "
        + maxConcurrentNexusTasks
        + " Nexus task slots, "
        + workflowPollers
        + " and "
        + nexusPollers
        + " pollers";
  }
}
