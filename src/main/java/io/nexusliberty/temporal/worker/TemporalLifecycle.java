package io.nexusliberty.temporal.worker;

import io.nexusliberty.metrics.ApplicationMetrics;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.ChannelReconnects;
import io.nexusliberty.temporal.connection.ConnectionSpec;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.connection.TemporalTracing;
import io.nexusliberty.temporal.embedded.EmbeddedTemporalServer;
import io.nexusliberty.temporal.nexus.NexusEndpointCheck;
import io.nexusliberty.temporal.nexus.NexusInputDataConverter;
import io.temporal.common.converter.DataConverter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The lifecycle of the application's Temporal side, started with the application and stopped with
 * it: starts the embedded server when no address is set, opens the connection, starts the workers
 * in the background and drains them on stop.
 */
@ApplicationScoped
public class TemporalLifecycle {

  private static final Logger LOG = Logger.getLogger(TemporalLifecycle.class.getName());

  /** Go-compatible JSON, and undecodable Nexus input reported as the caller's fault. */
  private static final DataConverter DATA_CONVERTER = NexusInputDataConverter.goCompatible();

  @Inject TemporalSettings settings;
  @Inject ApplicationMetrics metrics;
  @Inject PlacedComponents components;
  @Inject Config config;

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
  public void onContext(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    deploymentPath = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
  }

  public void onStartup(@Observes Startup startup) {
    ShutdownLogging.keepHandlersOnShutdown();
    List<WorkerPlacement.Placed<Class<?>>> placedWorkflows;
    List<WorkerPlacement.Placed<Object>> placedServices;
    try {
      placedWorkflows = components.workflows();
      placedServices = components.nexusServices();
      String target;
      if (settings.embedded()) {
        embeddedServer =
            EmbeddedTemporalServer.start(
                settings.embeddedPort(), settings.embeddedMaxClosedWorkflows());
        target = embeddedServer.target();
        LOG.warning(
            () ->
                "No "
                    + SettingNames.ADDRESS
                    + " is set: started the embedded Temporal test server on "
                    + target
                    + ". It keeps everything in memory and loses it on restart: use it to try"
                    + " the application, not in production. To use a real server, set "
                    + SettingNames.ADDRESS
                    + " (environment variable TEMPORAL_ADDRESS), for example localhost:7233 for"
                    + " 'temporal server start-dev'.");
      } else {
        target = settings.address();
      }
      // The process and the deployment: two deployments in one server poll under their own names.
      String identity =
          settings
              .workerIdentity()
              .orElse(ManagementFactory.getRuntimeMXBean().getName() + deploymentPath);
      connection =
          TemporalConnection.open(
              new ConnectionSpec(
                  target,
                  identity,
                  settings.tls(),
                  settings.grpcMetadata(),
                  metrics.scope(),
                  TemporalTracing.configure(
                      name -> config.getOptionalValue(name, String.class),
                      Thread.currentThread().getContextClassLoader()),
                  DATA_CONVERTER,
                  embeddedServer == null ? null : embeddedServer.inProcessName()));
      reconnects = ChannelReconnects.follow(connection.workflowService().getRawChannel());
      pollers = new WorkerPollers(connection, identity);
      endpointCheck = new NexusEndpointCheck(connection, settings.nexusEndpoint());
    } catch (RuntimeException e) {
      LOG.severe(e.getMessage());
      stop();
      throw e;
    }
    LOG.info(() -> StartupLine.describe(settings, connection));
    if (settings.tls().disableHostVerification()) {
      LOG.warning(
          SettingNames.TLS_DISABLE_HOST_VERIFICATION
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

  @PreDestroy
  public void stop() {
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
                  + SettingNames.SHUTDOWN_TIMEOUT
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
    components.destroy();
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The connection; opened at startup, before any request. */
  public TemporalConnection connection() {
    return connection;
  }

  /** The started workers, or null until they have started. */
  public TemporalWorkers workers() {
    return workers.get();
  }

  /** Why the last attempt to start the workers failed, or null. */
  public String startupFailure() {
    return startupFailure.get();
  }

  public WorkerPollers pollers() {
    return pollers;
  }

  /** When the channel last came back after losing the server. */
  public Instant lastReconnect() {
    return reconnects.lastReconnect();
  }

  /** When the channel last came back after losing the server; empty while it never lost it. */
  public Optional<Instant> lastRecovery() {
    return reconnects.lastRecovery();
  }

  public NexusEndpointCheck endpointCheck() {
    return endpointCheck;
  }
}
