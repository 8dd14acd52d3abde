package io.nexusliberty.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The application's Temporal side, started with the application and stopped with it: starts the
 * embedded server when no address is set, opens the connection, starts the workers in the
 * background and drains them on stop.
 */
@ApplicationScoped
public class TemporalRuntime {

  private static final Logger LOG = Logger.getLogger(TemporalRuntime.class.getName());
  private static final Duration REACHABILITY_DEADLINE = Duration.ofSeconds(2);

  @Inject TemporalSettings settings;
  @Inject TemporalMetrics metrics;
  @Inject TemporalComponents components;
  @Inject Config config;
  @Inject @Any Instance<Object> beans;

  private final List<Object> nexusServices = new ArrayList<>();

  private String deploymentPath = "/";
  private EmbeddedTemporalServer embeddedServer;
  private TemporalConnection connection;
  private ChannelReconnects reconnects;
  private WorkerPollers pollers;
  private NexusEndpointCheck endpointCheck;
  private ExecutorService startupThread;
  private final AtomicReference<TemporalWorkers> workers = new AtomicReference<>();
  private final AtomicReference<String> startupFailure = new AtomicReference<>();

  /** Learns this deployment's context path, which names its workers to the server. */
  void onContext(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    deploymentPath = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
  }

  void onStartup(@Observes Startup startup) {
    ShutdownLogging.keepHandlersOnShutdown();
    List<WorkerPlacement.Placed<Class<?>>> placedWorkflows;
    List<WorkerPlacement.Placed<Object>> placedServices;
    try {
      placedWorkflows = placedWorkflows();
      placedServices = placedNexusServices();
      String target;
      if (settings.embedded()) {
        embeddedServer = EmbeddedTemporalServer.start(settings.embeddedPort());
        target = embeddedServer.target();
        LOG.warning(
            () ->
                "No "
                    + TemporalSettings.ADDRESS
                    + " is set: started the embedded Temporal test server on "
                    + target
                    + ". It keeps everything in memory and loses it on restart: use it to try"
                    + " the application, not in production. To use a real server, set "
                    + TemporalSettings.ADDRESS
                    + " (environment variable TEMPORAL_ADDRESS), for example localhost:7233 for"
                    + " 'temporal server start-dev'.");
      } else {
        target = settings.address();
      }
      // The process and the deployment: two deployments in one server poll under their own names.
      String identity = ManagementFactory.getRuntimeMXBean().getName() + deploymentPath;
      connection = TemporalConnection.open(target, identity, settings.tls(), metrics.scope());
      reconnects = ChannelReconnects.follow(connection.workflowService().getRawChannel());
      pollers = new WorkerPollers(connection, identity);
      endpointCheck = new NexusEndpointCheck(connection, settings.nexusEndpoint());
    } catch (RuntimeException e) {
      LOG.severe(e.getMessage());
      stop();
      throw e;
    }
    LOG.info(this::describe);
    if (settings.tls().disableHostVerification()) {
      LOG.warning(
          TemporalSettings.TLS_DISABLE_HOST_VERIFICATION
              + "=true: the Temporal server's certificate is not verified, so anyone on the path"
              + " can impersonate it. Use this in development only.");
    }
    startupThread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "temporal-worker-startup");
              thread.setDaemon(true);
              return thread;
            });
    TemporalConnection open = connection;
    startupThread.execute(
        new WorkerStartup(
            connection,
            settings,
            endpointCheck,
            testServer ->
                new TemporalWorkers(open, settings, placedWorkflows, placedServices, testServer),
            workers::set,
            startupFailure::set));
  }

  private List<WorkerPlacement.Placed<Class<?>>> placedWorkflows() {
    return components.workflows().stream()
        .map(type -> new WorkerPlacement.Placed<Class<?>>(placement(type), type))
        .toList();
  }

  /** The Nexus service beans of the roles this deployment runs, created now. */
  private List<WorkerPlacement.Placed<Object>> placedNexusServices() {
    List<WorkerPlacement.Placed<Object>> placed = new ArrayList<>();
    for (Class<?> type : components.nexusServices()) {
      WorkerPlacement placement = placement(type);
      if (settings.runs(placement.role())) {
        Object service = beans.select(type).get();
        nexusServices.add(service);
        placed.add(new WorkerPlacement.Placed<>(placement, service));
      }
    }
    return placed;
  }

  private WorkerPlacement placement(Class<?> type) {
    return WorkerPlacement.of(
        type, settings, property -> config.getOptionalValue(property, String.class));
  }

  /** One line with everything an operator needs to know about this deployment's Temporal side. */
  private String describe() {
    return "Temporal: "
        + (settings.embedded()
            ? "embedded server at " + connection.target()
            : "server at " + settings.address())
        + " ("
        + settings.tls().describe()
        + "); roles: "
        + (settings.roles().isEmpty()
            ? "none"
            : settings.roles().stream()
                .map(Role::configName)
                .sorted()
                .collect(Collectors.joining(",")))
        + "; caller namespace "
        + settings.callerNamespace()
        + ", task queue "
        + settings.callerTaskQueue()
        + "; handler namespace "
        + settings.handlerNamespace()
        + ", task queue "
        + settings.handlerTaskQueue()
        + "; Nexus endpoint "
        + settings.nexusEndpoint()
        + (settings.serviceEndpoints().isEmpty()
            ? ""
            : " (" + new TreeMap<>(settings.serviceEndpoints()) + " by service)")
        + ", operation timeout "
        + settings.operationTimeout()
        + "; provisioning "
        + (settings.provisions() ? "on" : "off");
  }

  @PreDestroy
  void stop() {
    if (startupThread != null) {
      startupThread.shutdownNow();
      awaitQuietly(startupThread);
    }
    TemporalWorkers started = workers.getAndSet(null);
    if (started != null) {
      LOG.info(
          () ->
              "Stopping Temporal workers, waiting up to "
                  + settings.shutdownTimeout()
                  + " for in-flight tasks ("
                  + TemporalSettings.SHUTDOWN_TIMEOUT
                  + ")");
      long begin = System.nanoTime();
      started.shutdown(settings.shutdownTimeout());
      LOG.info(
          () ->
              "Temporal workers stopped after "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)
                  + " ms");
    }
    if (reconnects != null) {
      reconnects.close();
    }
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (embeddedServer != null) {
      embeddedServer.close();
      embeddedServer = null;
    }
    nexusServices.forEach(beans::destroy);
    nexusServices.clear();
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public TemporalSettings settings() {
    return settings;
  }

  /** host:port of the Temporal frontend in use, embedded or configured. */
  public String target() {
    return connection.target();
  }

  /** Whether the workers of every configured role are polling. */
  public boolean workersStarted() {
    return workers.get() != null;
  }

  /**
   * Why the start-up is not done, or empty once the workers have started: the workers start when
   * the server answers, and the start-up waits for them.
   */
  public Optional<String> startupPending() {
    if (workers.get() != null) {
      return Optional.empty();
    }
    String failure = startupFailure.get();
    return Optional.of(
        "starting the workers at " + connection.target() + (failure == null ? "" : "; " + failure));
  }

  /**
   * A worker task that has run longer than {@code temporal.stuck-task-timeout}, which means a
   * worker thread is stuck: empty when there is none.
   */
  public Optional<String> stuckTask() {
    TemporalWorkers started = workers.get();
    return started == null
        ? Optional.empty()
        : started
            .stuckTask(settings.stuckTaskTimeout())
            .map(
                task ->
                    task
                        + ", longer than "
                        + TemporalSettings.STUCK_TASK_TIMEOUT
                        + "="
                        + settings.stuckTaskTimeout()
                        + ": a worker thread is stuck; restart the application");
  }

  /** How many tasks the workers are running now. */
  public int runningTasks() {
    TemporalWorkers started = workers.get();
    return started == null ? 0 : started.runningTasks();
  }

  /** Where the workers poll ("namespace X, task queue Y"), empty until they have started. */
  public List<String> workerPlacements() {
    TemporalWorkers started = workers.get();
    return started == null ? List.of() : started.placements();
  }

  /**
   * Why the started workers would not serve a call now, or empty when they would: on a real server,
   * a task queue where the server has not seen this deployment's poller since the connection last
   * came back; on the embedded server, a server that no longer serves workflows.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public Optional<String> workersNotServing() {
    TemporalWorkers started = workers.get();
    if (started == null) {
      return Optional.of("not started yet");
    }
    try {
      if (embeddedServer != null) {
        connection.describeMissingWorkflow(settings.callerNamespace(), REACHABILITY_DEADLINE);
        return Optional.empty();
      }
      return pollers.missing(started.polled(), reconnects.lastReconnect());
    } catch (StatusRuntimeException e) {
      if (embeddedServer != null && e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return Optional.of(
            "the embedded Temporal server answers but does not serve workflows (no answer within "
                + REACHABILITY_DEADLINE.toSeconds()
                + " s); restart the application");
      }
      throw unreachable(e);
    }
  }

  /**
   * Asks the server once, briefly, whether it answers.
   *
   * @throws TemporalUnavailableException when it does not, saying why
   */
  public void ping() {
    try {
      connection.systemInfo(REACHABILITY_DEADLINE);
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Whether the Nexus endpoint exists: empty when the server does not let this client look.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public Optional<Boolean> nexusEndpointExists() {
    try {
      return endpointCheck.exists();
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  /** The client of the caller namespace, through which the API starts caller workflows. */
  public WorkflowClient callerClient() {
    return connection.client(settings.callerNamespace());
  }

  /**
   * Returns when the Nexus endpoint exists, when the server does not let this client look, or when
   * this deployment creates the endpoint itself ({@code temporal.provision}), which it may still be
   * doing.
   *
   * @throws TemporalUnavailableException when the endpoint is missing or the server does not answer
   */
  public void requireNexusEndpoint() {
    if (settings.provisions()) {
      return;
    }
    if (!nexusEndpointExists().orElse(true)) {
      throw new TemporalUnavailableException(endpointCheck.missingMessage(settings), null);
    }
  }

  /**
   * Returns at once while the channel is connected; otherwise asks the server once, briefly.
   *
   * @throws TemporalUnavailableException when the server does not answer
   */
  public void requireReachable() {
    if (!connection.connected()) {
      ping();
    }
  }

  private TemporalUnavailableException unreachable(StatusRuntimeException e) {
    return new TemporalUnavailableException(explain(e), e);
  }

  /**
   * Whether a failed call failed because of the server or the connection to it (unreachable, too
   * slow, credentials or permissions refused, a missing namespace, rate limits), rather than
   * because of the request.
   */
  public boolean serverFailed(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return switch (status.getStatus().getCode()) {
          case UNAVAILABLE,
                  DEADLINE_EXCEEDED,
                  UNKNOWN,
                  UNAUTHENTICATED,
                  PERMISSION_DENIED,
                  NOT_FOUND,
                  RESOURCE_EXHAUSTED ->
              true;
          default -> false;
        };
      }
    }
    return false;
  }

  /** What a failed call to the server means, and which setting to look at. */
  public String explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return ConnectionFailures.describe(connection.target(), status);
      }
    }
    return "Temporal at " + connection.target() + " did not serve the request: " + failure;
  }
}
