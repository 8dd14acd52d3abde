package io.nexusliberty.it;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Temporal server for tests: the Temporal CLI's {@code temporal server start-dev}, started
 * on free loopback ports and stopped by its process ID. The CLI is found through the environment
 * variable {@code TEMPORAL_CLI} or on the PATH.
 */
final class TemporalDevServer implements RealTemporal {

  static final String CALLER_NAMESPACE = "my-caller-namespace";
  static final String HANDLER_NAMESPACE = "my-target-namespace";

  private static TemporalDevServer shared;

  private final Process process;
  private final int port;
  private final WorkflowServiceStubs workflowService;
  private final OperatorServiceStubs operatorService;

  private TemporalDevServer(
      Path cli, List<String> namespaces, int port, Path database, List<String> dynamicConfig) {
    this.port = port;
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--http-port",
                String.valueOf(TestWar.freePort()),
                "--metrics-port",
                String.valueOf(TestWar.freePort()),
                "--headless",
                "--log-level",
                "warn",
                "--disable-config-env",
                "--disable-config-file"));
    namespaces.forEach(namespace -> command.addAll(List.of("--namespace", namespace)));
    if (database != null) {
      command.addAll(List.of("--db-filename", database.toString()));
    }
    dynamicConfig.forEach(value -> command.addAll(List.of("--dynamic-config-value", value)));
    Path log = Path.of("target", "temporal-dev-server-" + port + ".log");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + cli, e);
    }
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(address())
            .validateAndBuildWithDefaults();
    workflowService = WorkflowServiceStubs.newServiceStubs(options);
    operatorService =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(options).validateAndBuildWithDefaults());
    awaitReady(namespaces, log);
  }

  /** The CLI, or empty when neither TEMPORAL_CLI nor the PATH has it. */
  static Optional<Path> cli() {
    String configured = System.getenv("TEMPORAL_CLI");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "temporal");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * One server with the two namespaces of the sample, shared by the tests of this run and stopped
   * when the test JVM exits.
   */
  static synchronized TemporalDevServer shared() {
    if (shared == null) {
      shared = start(List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-temporal-dev-server"));
    }
    return shared;
  }

  /** A server of its own with these namespaces created at launch; the caller closes it. */
  static TemporalDevServer start(List<String> namespaces) {
    return start(namespaces, TestWar.freePort(), null);
  }

  /**
   * A server of its own on this port, keeping its state in this SQLite file, so that closing it and
   * starting it again is a restart of the same server.
   */
  static TemporalDevServer start(List<String> namespaces, int port, Path database) {
    Path cli = cli().orElseThrow(() -> new IllegalStateException(RequiresTemporalCli.HOW_TO));
    return new TemporalDevServer(cli, namespaces, port, database, List.of());
  }

  /** A server of its own with these dynamic configuration values ("key=value" each). */
  static TemporalDevServer withDynamicConfig(List<String> namespaces, List<String> dynamicConfig) {
    Path cli = cli().orElseThrow(() -> new IllegalStateException(RequiresTemporalCli.HOW_TO));
    return new TemporalDevServer(cli, namespaces, TestWar.freePort(), null, dynamicConfig);
  }

  /** The process ID of the server. */
  long pid() {
    return process.pid();
  }

  @Override
  public String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public WorkflowServiceStubs workflowService() {
    return workflowService;
  }

  @Override
  public OperatorServiceStubs operatorService() {
    return operatorService;
  }

  private void awaitReady(List<String> namespaces, Path log) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "temporal server start-dev exited with " + process.exitValue() + "; see " + log);
      }
      try {
        workflowService
            .blockingStub()
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .describeNamespace(
                DescribeNamespaceRequest.newBuilder()
                    .setNamespace(
                        namespaces.isEmpty() ? "default" : namespaces.get(namespaces.size() - 1))
                    .build());
        return;
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(Duration.ofMillis(250));
    }
    close();
    throw new IllegalStateException(
        "temporal server start-dev did not answer in 60 s; see " + log, last);
  }

  /** Freezes the server (SIGSTOP): it keeps its connections open and answers nothing. */
  void pause() {
    signal("STOP");
  }

  /** Lets a paused server go on (SIGCONT). */
  void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    List<String> command =
        new ArrayList<>(List.of("kill", "-" + name, String.valueOf(process.pid())));
    process.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    workflowService.shutdownNow();
    operatorService.shutdownNow();
    ProcessHandle handle = process.toHandle();
    handle.descendants().forEach(ProcessHandle::destroy);
    handle.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        handle.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
