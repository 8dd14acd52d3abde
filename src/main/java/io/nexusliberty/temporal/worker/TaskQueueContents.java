package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.temporal.api.enums.v1.TaskQueueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one task queue in one namespace runs: the workflows and Nexus services placed there. */
record TaskQueueContents(
    String namespace,
    String taskQueue,
    Set<Role> roles,
    List<Class<?>> workflows,
    List<Object> nexusServices) {
  TaskQueueContents(String namespace, String taskQueue) {
    this(namespace, taskQueue, EnumSet.noneOf(Role.class), new ArrayList<>(), new ArrayList<>());
  }

  /** The role whose tuning the queue's worker takes: the handler's when it serves one. */
  Role role() {
    return roles.contains(Role.HANDLER) ? Role.HANDLER : Role.CALLER;
  }

  List<TaskQueueType> types() {
    List<TaskQueueType> types = new ArrayList<>();
    if (!workflows.isEmpty()) {
      types.add(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
    }
    if (!nexusServices.isEmpty()) {
      types.add(TaskQueueType.TASK_QUEUE_TYPE_NEXUS);
    }
    return types;
  }

  /** The components that run here, grouped by the task queue they run on. */
  static Collection<TaskQueueContents> group(
      TemporalSettings settings,
      List<WorkerPlacement.Placed<Class<?>>> workflows,
      List<WorkerPlacement.Placed<Object>> nexusServices,
      boolean handlerInCallerNamespace) {
    Map<String, TaskQueueContents> queues = new LinkedHashMap<>();
    for (WorkerPlacement.Placed<Class<?>> workflow : workflows) {
      queuesOf(queues, workflow.placement(), settings, handlerInCallerNamespace)
          .forEach(queue -> queue.workflows().add(workflow.component()));
    }
    for (WorkerPlacement.Placed<Object> service : nexusServices) {
      queuesOf(queues, service.placement(), settings, handlerInCallerNamespace)
          .forEach(queue -> queue.nexusServices().add(service.component()));
    }
    return queues.values();
  }

  /**
   * The task queues a component placed here runs on: none when its role does not run here; on
   * Temporal's test server, a handler's also in the caller namespace.
   */
  private static List<TaskQueueContents> queuesOf(
      Map<String, TaskQueueContents> queues,
      WorkerPlacement placement,
      TemporalSettings settings,
      boolean handlerInCallerNamespace) {
    if (!settings.runs(placement.role())) {
      return List.of();
    }
    List<String> namespaces = new ArrayList<>(List.of(placement.namespace()));
    if (handlerInCallerNamespace
        && placement.role() == Role.HANDLER
        && !placement.namespace().equals(settings.callerNamespace())) {
      namespaces.add(settings.callerNamespace());
    }
    return namespaces.stream()
        .map(
            namespace -> {
              TaskQueueContents queue =
                  queues.computeIfAbsent(
                      namespace + "/" + placement.taskQueue(),
                      key -> new TaskQueueContents(namespace, placement.taskQueue()));
              queue.roles().add(placement.role());
              return queue;
            })
        .toList();
  }
}
