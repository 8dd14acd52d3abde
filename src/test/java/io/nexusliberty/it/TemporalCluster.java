package io.nexusliberty.it;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A self-hosted Temporal cluster for tests, as teams run one: PostgreSQL ({@link TestPostgres})
 * with the {@code temporal} and {@code temporal_visibility} databases made by Temporal's SQL tool,
 * and the server's frontend, history, matching and worker services as four processes (4 history
 * shards, Nexus callbacks to the frontend's HTTP port), each on free loopback ports. A service can
 * be killed and started again; everything is stopped by its process ID. The server and the SQL tool
 * are Temporal's own ({@code go install go.temporal.io/server/cmd/server@v1.29.1} and {@code
 * .../cmd/tools/sql@v1.29.1}), found with the PostgreSQL schemas in {@code TEMPORAL_SERVER_HOME} or
 * where {@code .ci/run} builds them.
 */
final class TemporalCluster implements RealTemporal {

  /** The server version; the Temporal CLI v1.5.1 embeds the same. */
  static final String VERSION = "v1.29.1";

  /** The namespace the server creates for itself. */
  private static final String SYSTEM_NAMESPACE = "temporal-system";

  /** The cluster's services, each a process of its own. */
  enum Service {
    FRONTEND,
    HISTORY,
    MATCHING,
    WORKER;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Path home;
  private final Path directory;
  private final TestPostgres postgres;
  private final Map<Service, int[]> ports = new EnumMap<>(Service.class);
  private final int httpPort = TestWar.freePort();
  private final Map<Service, Process> processes = new EnumMap<>(Service.class);
  private final WorkflowServiceStubs workflowService;
  private final OperatorServiceStubs operatorService;

  private TemporalCluster(Path home, List<String> namespaces) {
    this.home = home;
    try {
      Files.createDirectories(Path.of("target"));
      directory =
          Files.createTempDirectory(Path.of("target").toAbsolutePath(), "temporal-cluster-");
      // Readable by all: the database runs as its own user under root.
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set up a Temporal cluster", e);
    }
    postgres = TestPostgres.start(directory.resolve("postgres"));
    try {
      createDatabases();
      for (Service service : Service.values()) {
        ports.put(service, new int[] {TestWar.freePort(), TestWar.freePort()});
      }
      writeConfig();
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e instanceof IOException io
          ? new UncheckedIOException("Cannot set up a Temporal cluster in " + directory, io)
          : (RuntimeException) e;
    }
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(address())
            .validateAndBuildWithDefaults();
    workflowService = WorkflowServiceStubs.newServiceStubs(options);
    operatorService =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(options).validateAndBuildWithDefaults());
    try {
      // The first service to start writes the cluster's metadata; several at once race to do it.
      start(Service.FRONTEND);
      awaitServing(Service.FRONTEND);
      for (Service service : List.of(Service.HISTORY, Service.MATCHING, Service.WORKER)) {
        start(service);
      }
      awaitServing(Service.HISTORY);
      awaitServing(Service.MATCHING);
      registerNamespaces(namespaces);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Where the server, the SQL tool and the schemas are: {@code TEMPORAL_SERVER_HOME}, or {@code
   * ~/.cache/nexus-liberty/temporal-server-v1.29.1}; empty when neither has them.
   */
  static Optional<Path> home() {
    String configured = System.getenv("TEMPORAL_SERVER_HOME");
    Path home =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(
                System.getenv()
                    .getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"),
                "nexus-liberty",
                "temporal-server-" + VERSION);
    return Files.isExecutable(home.resolve("temporal-server"))
            && Files.isExecutable(home.resolve("temporal-sql-tool"))
            && Files.isDirectory(home.resolve("schema/postgresql/v12"))
        ? Optional.of(home)
        : Optional.empty();
  }

  /** A cluster of its own with these namespaces registered; the caller closes it. */
  static TemporalCluster start(List<String> namespaces) {
    Path home = home().orElseThrow(() -> new IllegalStateException(RequiresTemporalCluster.HOW_TO));
    return new TemporalCluster(home, namespaces);
  }

  @Override
  public String address() {
    return "127.0.0.1:" + ports.get(Service.FRONTEND)[0];
  }

  /** The frontend's HTTP port, where Nexus completion callbacks go. */
  int httpPort() {
    return httpPort;
  }

  @Override
  public WorkflowServiceStubs workflowService() {
    return workflowService;
  }

  @Override
  public OperatorServiceStubs operatorService() {
    return operatorService;
  }

  /** The CPU time of the services and the database, sessions included, as they run now. */
  CpuMeter cpuMeter() {
    return () -> {
      List<Long> pids = new ArrayList<>();
      pids.add(postgres.pid());
      processes.values().forEach(process -> pids.add(process.pid()));
      return CpuMeter.ofTrees(pids).cpu();
    };
  }

  /** The process ID of a running service. */
  long pid(Service service) {
    return processes.get(service).pid();
  }

  /** Kills a service at once (SIGKILL), as a crash or an evicted pod ends it. */
  void kill(Service service) {
    Process process = processes.remove(service);
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts a service, with the same ports and configuration as before. */
  void start(Service service) {
    if (processes.containsKey(service)) {
      throw new IllegalStateException(service.id() + " runs already");
    }
    Path log = directory.resolve(service.id() + ".log");
    try {
      processes.put(
          service,
          new ProcessBuilder(
                  home.resolve("temporal-server").toString(),
                  "--root",
                  directory.toString(),
                  "--config",
                  "config",
                  "--env",
                  "cluster",
                  "--allow-no-auth",
                  "start",
                  "--service",
                  service.id())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the " + service.id() + " service", e);
    }
  }

  private void createDatabases() throws IOException {
    Path schemas = home.resolve("schema/postgresql/v12");
    for (String database : List.of("temporal", "temporal_visibility")) {
      Path schema = schemas.resolve(database.equals("temporal") ? "temporal" : "visibility");
      sqlTool(database, List.of("create-database"));
      sqlTool(database, List.of("setup-schema", "-v", "0.0"));
      sqlTool(database, List.of("update-schema", "-d", schema.resolve("versioned").toString()));
    }
  }

  private void sqlTool(String database, List<String> command) throws IOException {
    List<String> line =
        new ArrayList<>(
            List.of(
                home.resolve("temporal-sql-tool").toString(),
                "--plugin",
                "postgres12",
                "--ep",
                "127.0.0.1",
                "-p",
                String.valueOf(postgres.port()),
                "-u",
                TestPostgres.USER,
                "--db",
                database));
    line.addAll(command);
    Path log = directory.resolve("sql-tool.log");
    try {
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "temporal-sql-tool "
                + String.join(" ", command)
                + " on "
                + database
                + " failed; see "
                + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The services' static configuration and the dynamic configuration that enables callbacks. */
  private void writeConfig() throws IOException {
    Path config = Files.createDirectories(directory.resolve("config"));
    StringBuilder services = new StringBuilder();
    for (Service service : Service.values()) {
      int[] servicePorts = ports.get(service);
      services.append(
          String.format(
              Locale.ROOT,
              "  %s:%n    rpc:%n      grpcPort: %d%n      membershipPort: %d%n"
                  + "      bindOnLocalHost: true%n%s",
              service.id(),
              servicePorts[0],
              servicePorts[1],
              service == Service.FRONTEND ? "      httpPort: " + httpPort + "\n" : ""));
    }
    String store =
        """
              sql:
                pluginName: "postgres12"
                databaseName: "%s"
                connectAddr: "127.0.0.1:%d"
                connectProtocol: "tcp"
                user: "%s"
                password: ""
                maxConns: %d
                maxIdleConns: %d
                maxConnLifetime: "1h"
        """;
    Files.writeString(
        config.resolve("cluster.yaml"),
        "log:\n  stdout: true\n  level: warn\n\n"
            + "persistence:\n  defaultStore: default\n  visibilityStore: visibility\n"
            + "  numHistoryShards: 4\n  datastores:\n    default:\n"
            + String.format(
                Locale.ROOT, store, "temporal", postgres.port(), TestPostgres.USER, 20, 20)
            + "    visibility:\n"
            + String.format(
                Locale.ROOT, store, "temporal_visibility", postgres.port(), TestPostgres.USER, 4, 4)
            + "\nglobal:\n  membership:\n    maxJoinDuration: 30s\n"
            + "    broadcastAddress: \"127.0.0.1\"\n\n"
            + "services:\n"
            + services
            + "\nclusterMetadata:\n  enableGlobalNamespace: false\n  failoverVersionIncrement: 10\n"
            + "  masterClusterName: \"active\"\n  currentClusterName: \"active\"\n"
            + "  clusterInformation:\n    active:\n      enabled: true\n"
            + "      initialFailoverVersion: 1\n      rpcName: \"frontend\"\n"
            + "      rpcAddress: \""
            + address()
            + "\"\n      httpAddress: \"127.0.0.1:"
            + httpPort
            + "\"\n\ndcRedirectionPolicy:\n  policy: \"noop\"\n\n"
            + "publicClient:\n  hostPort: \""
            + address()
            + "\"\n\ndynamicConfigClient:\n  filepath: \""
            + config.resolve("dynamic.yaml")
            + "\"\n  pollInterval: \"10s\"\n");
    Files.writeString(
        config.resolve("dynamic.yaml"),
        "component.nexusoperations.callback.endpoint.template:\n"
            + "  - value: \"http://127.0.0.1:"
            + httpPort
            + "/namespaces/{{.NamespaceName}}/nexus/callback\"\n"
            + "component.callbacks.allowedAddresses:\n"
            + "  - value:\n      - Pattern: \"127.0.0.1:"
            + httpPort
            + "\"\n        AllowInsecure: true\n");
  }

  /** Registers the namespaces once the frontend answers, and waits until it knows them. */
  private void registerNamespaces(List<String> namespaces) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (String namespace : namespaces) {
      RuntimeException last = null;
      while (true) {
        checkAlive();
        try {
          workflowService
              .blockingStub()
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .registerNamespace(
                  RegisterNamespaceRequest.newBuilder()
                      .setNamespace(namespace)
                      .setWorkflowExecutionRetentionPeriod(
                          com.google.protobuf.Duration.newBuilder().setSeconds(86_400))
                      .build());
          break;
        } catch (io.grpc.StatusRuntimeException e) {
          if (e.getStatus().getCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
            break;
          }
          last = e;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The cluster's frontend did not register "
                  + namespace
                  + " in 120 s; see "
                  + directory,
              last);
        }
        TemporalDevServer.sleep(Duration.ofMillis(500));
      }
    }
    for (String namespace : namespaces) {
      RealServerChecks.await(
          () -> {
            try {
              workflowService
                  .blockingStub()
                  .describeNamespace(
                      DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
              return true;
            } catch (RuntimeException e) {
              return false;
            }
          },
          known -> known,
          Duration.ofSeconds(60));
    }
  }

  /**
   * Waits until the service answers through the frontend: the frontend itself, history (a workflow
   * that does not exist is not found) or matching (a task queue is described).
   */
  private void awaitServing(Service service) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        var stub = workflowService.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS);
        switch (service) {
          case HISTORY ->
              stub.describeWorkflowExecution(
                  io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(SYSTEM_NAMESPACE)
                      .setExecution(
                          io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                              .setWorkflowId("cluster-start-probe"))
                      .build());
          case MATCHING ->
              stub.describeTaskQueue(
                  io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(SYSTEM_NAMESPACE)
                      .setTaskQueue(
                          io.temporal.api.taskqueue.v1.TaskQueue.newBuilder()
                              .setName("cluster-start-probe"))
                      .build());
          default ->
              stub.getSystemInfo(
                  io.temporal.api.workflowservice.v1.GetSystemInfoRequest.getDefaultInstance());
        }
        return;
      } catch (io.grpc.StatusRuntimeException e) {
        if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
          return;
        }
        last = e;
      }
      TemporalDevServer.sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "The cluster's " + service.id() + " service did not serve in 120 s; see " + directory,
        last);
  }

  private void checkAlive() {
    processes.forEach(
        (service, process) -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "The "
                    + service.id()
                    + " service exited with "
                    + process.exitValue()
                    + "; see "
                    + directory.resolve(service.id() + ".log"));
          }
        });
  }

  @Override
  public void close() {
    if (workflowService != null) {
      workflowService.shutdownNow();
      operatorService.shutdownNow();
    }
    List<Process> running = new ArrayList<>(processes.values());
    processes.clear();
    running.forEach(Process::destroy);
    for (Process process : running) {
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    postgres.close();
  }
}
