package io.nexusliberty.it;

import io.nexusliberty.handler.HelloHandlerWorkflow;
import io.nexusliberty.handler.HelloHandlerWorkflowImpl;
import io.nexusliberty.handler.HelloServiceImpl;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A handler worker in the test JVM, on a real server: the application's own Nexus service, behind a
 * Nexus endpoint created with the Temporal CLI, with a handler workflow that takes its time before
 * greeting, so that tests can act while the {@code say-hello} operation is in flight.
 */
final class SlowHandlerWorker implements AutoCloseable {

  /** Names starting with this keep the handler workflow running until it is cancelled. */
  static final String UNTIL_CANCELLED = "Cancel";

  private static final Duration GREETING_DELAY = Duration.ofSeconds(3);

  private final WorkerFactory factory;

  /** Creates the endpoint with the CLI and starts polling the task queue it targets. */
  SlowHandlerWorker(TemporalDevServer server, String endpoint, String taskQueue)
      throws IOException, InterruptedException {
    createEndpoint(server, endpoint, taskQueue);
    factory = WorkerFactory.newInstance(server.client(TemporalDevServer.HANDLER_NAMESPACE));
    Worker worker = factory.newWorker(taskQueue);
    worker.registerNexusServiceImplementation(new HelloServiceImpl());
    worker.registerWorkflowImplementationFactory(
        HelloHandlerWorkflow.class, SlowHelloHandlerWorkflow::new);
    factory.start();
  }

  private static void createEndpoint(TemporalDevServer server, String endpoint, String taskQueue)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            TemporalDevServer.cli().orElseThrow().toString(),
            "operator",
            "nexus",
            "endpoint",
            "create",
            "--address",
            server.address(),
            "--name",
            endpoint,
            "--target-namespace",
            TemporalDevServer.HANDLER_NAMESPACE,
            "--target-task-queue",
            taskQueue);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * The real greeting, given after a delay, or never for names that ask to wait to be cancelled.
   */
  public static class SlowHelloHandlerWorkflow implements HelloHandlerWorkflow {
    @Override
    public HelloOutput hello(HelloInput input) {
      if (input.name().startsWith(UNTIL_CANCELLED)) {
        Workflow.await(() -> false);
      }
      Workflow.sleep(GREETING_DELAY);
      return new HelloHandlerWorkflowImpl().hello(input);
    }
  }
}
