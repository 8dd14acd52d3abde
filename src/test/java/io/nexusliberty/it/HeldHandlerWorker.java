package io.nexusliberty.it;

import io.nexusliberty.handler.HelloHandlerWorkflow;
import io.nexusliberty.handler.HelloHandlerWorkflowImpl;
import io.nexusliberty.handler.HelloServiceImpl;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusrpc.OperationException;
import io.temporal.common.interceptors.NexusOperationInboundCallsInterceptor;
import io.temporal.common.interceptors.NexusOperationInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.DynamicSignalHandler;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler worker in the test JVM, on a real server: the application's own Nexus service, behind a
 * Nexus endpoint created with the Temporal CLI, with a handler workflow that holds its greeting
 * until the test signals {@value #RELEASE} (or cancels it), so that tests act while the {@code
 * say-hello} operation is in flight. It counts what it executes: the {@code say-hello} operation
 * starts per name, and the handler workflow runs per workflow ID.
 */
final class HeldHandlerWorker implements AutoCloseable {

  /** The signal that lets a held handler workflow greet. */
  static final String RELEASE = "release";

  private static final Map<String, AtomicInteger> OPERATION_STARTS = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> RUNS = new ConcurrentHashMap<>();

  private final WorkerFactory factory;

  /** Creates the endpoint with the CLI and starts polling the task queue it targets. */
  HeldHandlerWorker(RealTemporal server, String endpoint, String taskQueue)
      throws IOException, InterruptedException {
    createEndpoint(server, endpoint, taskQueue);
    factory =
        WorkerFactory.newInstance(
            server.client(TemporalDevServer.HANDLER_NAMESPACE),
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new CountingOperationStarts())
                .build());
    Worker worker = factory.newWorker(taskQueue);
    worker.registerNexusServiceImplementation(new HelloServiceImpl());
    worker.registerWorkflowImplementationFactory(
        HelloHandlerWorkflow.class, HeldHelloHandlerWorkflow::new);
    factory.start();
  }

  /** How many times this worker started a {@code say-hello} operation for this exact name. */
  static int operationStarts(String name) {
    AtomicInteger starts = OPERATION_STARTS.get(name);
    return starts == null ? 0 : starts.get();
  }

  /**
   * The runs this worker executed under this handler workflow ID or an ID derived from it ({@code
   * <id>-<hash>}), by run ID.
   */
  static Set<String> runs(String workflowId) {
    return RUNS.entrySet().stream()
        .filter(
            entry ->
                entry.getKey().equals(workflowId) || entry.getKey().startsWith(workflowId + "-"))
        .flatMap(entry -> entry.getValue().stream())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static void createEndpoint(RealTemporal server, String endpoint, String taskQueue)
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

  /** Counts each {@code say-hello} start by the exact name it greets. */
  private static final class CountingOperationStarts extends WorkerInterceptorBase {
    @Override
    public NexusOperationInboundCallsInterceptor interceptNexusOperation(
        io.nexusrpc.handler.OperationContext context, NexusOperationInboundCallsInterceptor next) {
      return new NexusOperationInboundCallsInterceptorBase(next) {
        @Override
        public StartOperationOutput startOperation(StartOperationInput input)
            throws OperationException {
          if (input.getInput() instanceof HelloInput hello) {
            OPERATION_STARTS
                .computeIfAbsent(hello.name(), name -> new AtomicInteger())
                .incrementAndGet();
          }
          return super.startOperation(input);
        }
      };
    }
  }

  /** The real greeting, given once the test signals {@value #RELEASE}. */
  public static class HeldHelloHandlerWorkflow implements HelloHandlerWorkflow {
    private boolean released;

    @Override
    public HelloOutput hello(HelloInput input) {
      // A test worker's bookkeeping: replaying a run adds the same run ID again.
      RUNS.computeIfAbsent(Workflow.getInfo().getWorkflowId(), id -> ConcurrentHashMap.newKeySet())
          .add(Workflow.getInfo().getRunId());
      Workflow.registerListener(
          (DynamicSignalHandler)
              (signal, arguments) -> released = released || RELEASE.equals(signal));
      Workflow.await(() -> released);
      return new HelloHandlerWorkflowImpl().hello(input);
    }
  }
}
