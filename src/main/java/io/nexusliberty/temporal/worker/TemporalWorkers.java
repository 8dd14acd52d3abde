package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WorkerTuning;
import io.nexusliberty.temporal.config.WorkerVersioning;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.nexus.NexusHandlerLogFilter;
import io.nexusliberty.temporal.nexus.NexusInputInterceptor;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Collection<TaskQueueContents> queues =
        TaskQueueContents.group(settings, workflows, nexusServices, handlerInCallerNamespace);
    if (queues.stream().anyMatch(queue -> !queue.nexusServices().isEmpty())) {
      handlerLogFilter = NexusHandlerLogFilter.install();
    }
    WorkflowImplementationOptions options = NexusCallOptions.of(settings);
    for (TaskQueueContents queue : queues) {
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

  private Worker worker(
      TemporalConnection connection, TemporalSettings settings, TaskQueueContents queue) {
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
        .newWorker(
            queue.taskQueue(),
            workerOptions(settings.tuning(queue.role()), settings.versioning(queue.role())));
  }

  /** Tracing outermost, so that its spans also record the calls the input check refuses. */
  private static WorkerInterceptor[] workerInterceptors(TemporalConnection connection) {
    List<WorkerInterceptor> interceptors =
        new ArrayList<>(connection.tracing().workerInterceptors());
    interceptors.add(new NexusInputInterceptor());
    return interceptors.toArray(WorkerInterceptor[]::new);
  }

  private WorkerOptions workerOptions(WorkerTuning tuning, Optional<WorkerVersioning> versioning) {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setWorkerTuner(
                tasks.tuner(tuning.maxConcurrentWorkflowTasks(), tuning.maxConcurrentNexusTasks()))
            .setMaxConcurrentWorkflowTaskPollers(tuning.workflowPollers())
            .setMaxConcurrentNexusTaskPollers(tuning.nexusPollers());
    versioning.ifPresent(version -> options.setDeploymentOptions(deploymentOptions(version)));
    return options.build();
  }

  /**
   * The worker polls as this version; its workflow types without a {@code
   * WorkflowVersioningBehavior} annotation of their own take the configured behaviour.
   */
  private static WorkerDeploymentOptions deploymentOptions(WorkerVersioning version) {
    return WorkerDeploymentOptions.newBuilder()
        .setUseVersioning(true)
        .setVersion(new WorkerDeploymentVersion(version.deploymentName(), version.buildId()))
        .setDefaultVersioningBehavior(
            switch (version.defaultBehavior()) {
              case PINNED -> VersioningBehavior.PINNED;
              case AUTO_UPGRADE -> VersioningBehavior.AUTO_UPGRADE;
            })
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
                    + SettingNames.SHUTDOWN_TIMEOUT
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
