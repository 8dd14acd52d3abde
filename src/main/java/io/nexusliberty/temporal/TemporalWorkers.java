package io.nexusliberty.temporal;

import io.nexusliberty.temporal.nexus.NexusHandlerLogFilter;
import io.nexusliberty.temporal.nexus.NexusInputInterceptor;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.NexusOperationOptions;
import io.temporal.workflow.NexusServiceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The worker factories of this deployment's roles: created from the settings, started once the
 * server answers, and shut down draining in-flight tasks.
 */
public final class TemporalWorkers {

  private static final Logger LOG = Logger.getLogger(TemporalWorkers.class.getName());

  private final Map<String, WorkerFactory> factories = new LinkedHashMap<>();
  private final TaskWatch tasks = new TaskWatch();
  private final List<WorkerPollers.Polled> polled = new ArrayList<>();
  private final List<String> contents = new ArrayList<>();
  private NexusHandlerLogFilter handlerLogFilter;

  /**
   * @param workflows the workflow implementations, each where it runs
   * @param nexusServices the Nexus service implementations, each where it runs
   * @param handlerInCallerNamespace whether the handler role's components also run in the caller
   *     namespace, where Temporal's Java test server delivers every Nexus task
   */
  public TemporalWorkers(
      TemporalConnection connection,
      TemporalSettings settings,
      List<WorkerPlacement.Placed<Class<?>>> workflows,
      List<WorkerPlacement.Placed<Object>> nexusServices,
      boolean handlerInCallerNamespace) {
    Map<String, Registrations> queues = new LinkedHashMap<>();
    for (WorkerPlacement.Placed<Class<?>> workflow : workflows) {
      queuesOf(queues, workflow.placement(), settings, handlerInCallerNamespace)
          .forEach(queue -> queue.workflows().add(workflow.component()));
    }
    for (WorkerPlacement.Placed<Object> service : nexusServices) {
      queuesOf(queues, service.placement(), settings, handlerInCallerNamespace)
          .forEach(queue -> queue.nexusServices().add(service.component()));
    }
    if (queues.values().stream().anyMatch(queue -> !queue.nexusServices().isEmpty())) {
      handlerLogFilter = NexusHandlerLogFilter.install();
    }
    WorkflowImplementationOptions options = nexusCallOptions(settings);
    for (Registrations queue : queues.values()) {
      Worker worker = worker(connection, settings, queue);
      if (!queue.workflows().isEmpty()) {
        worker.registerWorkflowImplementationTypes(
            options, queue.workflows().toArray(Class<?>[]::new));
      }
      if (!queue.nexusServices().isEmpty()) {
        worker.registerNexusServiceImplementation(queue.nexusServices().toArray());
      }
    }
  }

  /** What one task queue in one namespace runs. */
  private record Registrations(
      String namespace,
      String taskQueue,
      Set<Role> roles,
      List<Class<?>> workflows,
      List<Object> nexusServices) {
    Registrations(String namespace, String taskQueue) {
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
  }

  /**
   * The task queues a component placed here runs on: none when its role does not run here; on
   * Temporal's test server, a handler's also in the caller namespace.
   */
  private static List<Registrations> queuesOf(
      Map<String, Registrations> queues,
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
              Registrations queue =
                  queues.computeIfAbsent(
                      namespace + "/" + placement.taskQueue(),
                      key -> new Registrations(namespace, placement.taskQueue()));
              queue.roles().add(placement.role());
              return queue;
            })
        .toList();
  }

  /**
   * The endpoint and operation timeout of every Nexus service the workflows call: the service's own
   * endpoint from {@code temporal.nexus.service-endpoints}, else {@code temporal.nexus.endpoint}.
   */
  public static WorkflowImplementationOptions nexusCallOptions(TemporalSettings settings) {
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

  private Worker worker(
      TemporalConnection connection, TemporalSettings settings, Registrations queue) {
    polled.add(new WorkerPollers.Polled(queue.namespace(), queue.taskQueue(), queue.types()));
    contents.add(
        "namespace "
            + queue.namespace()
            + ", task queue "
            + queue.taskQueue()
            + " ("
            + Stream.concat(
                    queue.workflows().stream(),
                    queue.nexusServices().stream().map(Object::getClass))
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", "))
            + ")");
    return factories
        .computeIfAbsent(
            queue.namespace(),
            name ->
                WorkerFactory.newInstance(
                    connection.client(name),
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(workerInterceptors(connection))
                        .setWorkflowCacheSize(settings.workflowCacheSize())
                        .setMaxWorkflowThreadCount(settings.maxWorkflowThreads())
                        .build()))
        .newWorker(queue.taskQueue(), workerOptions(settings.tuning(queue.role())));
  }

  /** Tracing outermost, so that its spans also record the calls the input check refuses. */
  private static WorkerInterceptor[] workerInterceptors(TemporalConnection connection) {
    List<WorkerInterceptor> interceptors =
        new ArrayList<>(connection.tracing().workerInterceptors());
    interceptors.add(new NexusInputInterceptor());
    return interceptors.toArray(WorkerInterceptor[]::new);
  }

  private WorkerOptions workerOptions(WorkerTuning tuning) {
    return WorkerOptions.newBuilder()
        .setWorkerTuner(
            tasks.tuner(tuning.maxConcurrentWorkflowTasks(), tuning.maxConcurrentNexusTasks()))
        .setMaxConcurrentWorkflowTaskPollers(tuning.workflowPollers())
        .setMaxConcurrentNexusTaskPollers(tuning.nexusPollers())
        .build();
  }

  /**
   * Where the workers poll and what runs there, for the log: "namespace X, task queue Y (A, B)".
   */
  public List<String> contents() {
    return List.copyOf(contents);
  }

  /** Where the workers poll, for logs: "namespace X, task queue Y" each. */
  public List<String> placements() {
    return polled.stream()
        .map(queue -> "namespace " + queue.namespace() + ", task queue " + queue.taskQueue())
        .toList();
  }

  /** The task queues the workers poll, and for which kinds of task. */
  public List<WorkerPollers.Polled> polled() {
    return List.copyOf(polled);
  }

  /** The task that has run longest, when it has run longer than {@code limit}. */
  public Optional<String> stuckTask(Duration limit) {
    return tasks.longestOver(limit);
  }

  /** How many tasks the workers are running now. */
  public int runningTasks() {
    return tasks.runningCount();
  }

  /** Starts polling; fails when the server does not answer. */
  public void start() {
    factories.values().forEach(WorkerFactory::start);
  }

  /**
   * Stops polling, waits up to {@code timeout} for in-flight tasks, then interrupts what is left.
   */
  public void shutdown(Duration timeout) {
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
