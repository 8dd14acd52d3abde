package io.nexusliberty.temporal;

import io.nexusliberty.caller.EchoCallerWorkflowImpl;
import io.nexusliberty.caller.HelloCallerWorkflowImpl;
import io.nexusliberty.handler.HelloHandlerWorkflowImpl;
import io.nexusliberty.handler.HelloServiceImpl;
import io.nexusliberty.service.HelloService;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.NexusOperationOptions;
import io.temporal.workflow.NexusServiceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The worker factories of this deployment's roles: created from the settings, started once the
 * server answers, and shut down draining in-flight tasks.
 */
final class TemporalWorkers {

  private static final Logger LOG = Logger.getLogger(TemporalWorkers.class.getName());

  private final Map<String, WorkerFactory> factories = new LinkedHashMap<>();
  private final TaskWatch tasks = new TaskWatch();
  private final List<WorkerPollers.Polled> polled = new ArrayList<>();
  private NexusHandlerLogFilter handlerLogFilter;

  /**
   * @param handlerInCallerNamespace whether the handler role also polls its task queue in the
   *     caller namespace, where Temporal's Java test server delivers every Nexus task
   */
  TemporalWorkers(
      TemporalConnection connection, TemporalSettings settings, boolean handlerInCallerNamespace) {
    Map<String, Worker> workers = new LinkedHashMap<>();
    if (settings.runs(Role.CALLER)) {
      Worker worker =
          worker(
              connection,
              workers,
              settings.callerNamespace(),
              settings.callerTaskQueue(),
              List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW));
      worker.registerWorkflowImplementationTypes(
          callerOptions(settings), EchoCallerWorkflowImpl.class, HelloCallerWorkflowImpl.class);
    }
    if (settings.runs(Role.HANDLER)) {
      handlerLogFilter = NexusHandlerLogFilter.install();
      List<String> namespaces = new ArrayList<>(List.of(settings.handlerNamespace()));
      if (handlerInCallerNamespace
          && !settings.callerNamespace().equals(settings.handlerNamespace())) {
        namespaces.add(settings.callerNamespace());
      }
      for (String namespace : namespaces) {
        Worker worker =
            worker(
                connection,
                workers,
                namespace,
                settings.handlerTaskQueue(),
                List.of(
                    TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_NEXUS));
        worker.registerWorkflowImplementationTypes(HelloHandlerWorkflowImpl.class);
        worker.registerNexusServiceImplementation(new HelloServiceImpl());
      }
    }
  }

  /** The endpoint and operation timeout every caller workflow's Nexus stub gets. */
  static WorkflowImplementationOptions callerOptions(TemporalSettings settings) {
    return WorkflowImplementationOptions.newBuilder()
        .setNexusServiceOptions(
            Map.of(
                HelloService.NAME,
                NexusServiceOptions.newBuilder()
                    .setEndpoint(settings.nexusEndpoint())
                    .setOperationOptions(
                        NexusOperationOptions.newBuilder()
                            .setScheduleToCloseTimeout(settings.operationTimeout())
                            .build())
                    .build()))
        .build();
  }

  private Worker worker(
      TemporalConnection connection,
      Map<String, Worker> workers,
      String namespace,
      String queue,
      List<TaskQueueType> types) {
    return workers.computeIfAbsent(
        namespace + "/" + queue,
        key -> {
          polled.add(new WorkerPollers.Polled(namespace, queue, types));
          return factories
              .computeIfAbsent(
                  namespace,
                  name ->
                      WorkerFactory.newInstance(
                          connection.client(name),
                          WorkerFactoryOptions.newBuilder()
                              .setWorkerInterceptors(new NexusInputInterceptor())
                              .build()))
              .newWorker(queue, WorkerOptions.newBuilder().setWorkerTuner(tasks.tuner()).build());
        });
  }

  /** Where the workers poll, for logs: "namespace X, task queue Y" each. */
  List<String> placements() {
    return polled.stream()
        .map(queue -> "namespace " + queue.namespace() + ", task queue " + queue.taskQueue())
        .toList();
  }

  /** The task queues the workers poll, and for which kinds of task. */
  List<WorkerPollers.Polled> polled() {
    return List.copyOf(polled);
  }

  /** The task that has run longest, when it has run longer than {@code limit}. */
  Optional<String> stuckTask(Duration limit) {
    return tasks.longestOver(limit);
  }

  /** How many tasks the workers are running now. */
  int runningTasks() {
    return tasks.runningCount();
  }

  /** Starts polling; fails when the server does not answer. */
  void start() {
    factories.values().forEach(WorkerFactory::start);
  }

  /**
   * Stops polling, waits up to {@code timeout} for in-flight tasks, then interrupts what is left.
   */
  void shutdown(Duration timeout) {
    factories.values().forEach(WorkerFactory::shutdown);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<String, WorkerFactory> entry : factories.entrySet()) {
      WorkerFactory factory = entry.getValue();
      long remaining = Math.max(0, deadline - System.nanoTime());
      factory.awaitTermination(remaining, TimeUnit.NANOSECONDS);
      if (!factory.isTerminated()) {
        LOG.warning(
            () ->
                "Workers of namespace "
                    + entry.getKey()
                    + " still had tasks in flight after "
                    + TemporalSettings.SHUTDOWN_TIMEOUT
                    + "="
                    + timeout
                    + "; interrupting them");
        shutdownNow(factory);
      }
    }
    if (handlerLogFilter != null) {
      handlerLogFilter.remove();
    }
  }

  private static void shutdownNow(WorkerFactory factory) {
    try {
      factory.shutdownNow();
    } catch (RuntimeException e) {
      // A factory that never reached the server throws here; there is nothing left to stop.
      LOG.log(Level.FINE, "Forced shutdown of a worker factory failed", e);
    }
  }
}
