package io.nexusliberty.temporal.connection;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.nexus.v1.Endpoint;
import io.temporal.api.operatorservice.v1.ListNexusEndpointsRequest;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC connection to the Temporal frontend: service stubs, one {@link WorkflowClient} per
 * namespace, and the Netty event loop and executor they run on, all owned by the application so
 * that stopping it leaves no thread behind.
 */
public final class TemporalConnection implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TemporalConnection.class.getName());

  private final String target;
  private final String identity;
  private final TemporalTracing tracing;
  private final DataConverter dataConverter;
  private final EventLoopGroup eventLoop;
  private final ExecutorService executor;
  private final ManagedChannel inProcessChannel;
  private final WorkflowServiceStubs workflowService;
  private final OperatorServiceStubs operatorService;
  private final Map<String, WorkflowClient> clients = new ConcurrentHashMap<>();

  private TemporalConnection(ConnectionSpec spec) {
    this.target = spec.target();
    this.identity = spec.identity();
    this.tracing = spec.tracing();
    this.dataConverter = spec.dataConverter();
    // gRPC's shared event loop and executor outlive the application's class loader and fail
    // after an undeploy; these are the application's own and are shut down with it.
    this.eventLoop = new NioEventLoopGroup(2, new DefaultThreadFactory("temporal-grpc", true));
    this.executor =
        Executors.newCachedThreadPool(new DefaultThreadFactory("temporal-grpc-executor", true));
    this.inProcessChannel =
        spec.inProcessServer() == null
            ? null
            : InProcessChannelBuilder.forName(spec.inProcessServer()).executor(executor).build();
    WorkflowServiceStubsOptions stubsOptions =
        ChannelOptions.build(spec, eventLoop, executor, inProcessChannel);
    this.workflowService = WorkflowServiceStubs.newServiceStubs(stubsOptions);
    this.operatorService =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(stubsOptions).validateAndBuildWithDefaults());
  }

  /**
   * Prepares the connection; nothing is sent until the first call, so this succeeds while the
   * server is down.
   */
  public static TemporalConnection open(ConnectionSpec spec) {
    return new TemporalConnection(spec);
  }

  /** How the clients' and the workers' calls are traced. */
  public TemporalTracing tracing() {
    return tracing;
  }

  /** host:port this connection talks to. */
  public String target() {
    return target;
  }

  /** How this deployment's clients and workers name themselves to the server. */
  public String identity() {
    return identity;
  }

  public WorkflowServiceStubs workflowService() {
    return workflowService;
  }

  public OperatorServiceStubs operatorService() {
    return operatorService;
  }

  /** The client of one namespace, created on first use and kept for the connection's life. */
  public WorkflowClient client(String namespace) {
    return clients.computeIfAbsent(
        namespace,
        name ->
            WorkflowClient.newInstance(
                workflowService,
                WorkflowClientOptions.newBuilder()
                    .setNamespace(name)
                    .setIdentity(identity)
                    .setDataConverter(dataConverter)
                    .setInterceptors(
                        tracing.clientInterceptors().toArray(WorkflowClientInterceptor[]::new))
                    .build()));
  }

  /**
   * Asks the server who it is, once, without the SDK's retries.
   *
   * @throws StatusRuntimeException when the server does not answer within the deadline
   */
  public GetSystemInfoResponse systemInfo(Duration deadline) {
    return workflowService
        .blockingStub()
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
  }

  /**
   * The Nexus endpoint of this name, or empty when the server has none.
   *
   * @throws StatusRuntimeException when the server does not answer, or does not let this client
   *     look
   */
  public Optional<Endpoint> nexusEndpoint(String name, Duration deadline) {
    return operatorService
        .blockingStub()
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .listNexusEndpoints(ListNexusEndpointsRequest.newBuilder().setName(name).build())
        .getEndpointsList()
        .stream()
        .filter(endpoint -> endpoint.getSpec().getName().equals(name))
        .findFirst();
  }

  /**
   * Asks the server about a workflow that does not exist, in this namespace: a quick "not found"
   * from a server that serves workflows.
   *
   * @throws StatusRuntimeException when the server does not answer within the deadline
   */
  public void describeMissingWorkflow(String namespace, Duration deadline) {
    try {
      workflowService
          .blockingStub()
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(namespace)
                  .setExecution(
                      WorkflowExecution.newBuilder().setWorkflowId("nexus-liberty-readiness-probe"))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }

  /**
   * Asks matching, through the frontend, to describe a task queue: returns when it answers (a
   * namespace the server does not know counts as an answer, and so does a server that cannot
   * describe task queues, such as Temporal's Java test server).
   *
   * @throws StatusRuntimeException when it does not answer within the deadline
   */
  public void describeTaskQueue(String namespace, String taskQueue, Duration deadline) {
    try {
      workflowService
          .blockingStub()
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .describeTaskQueue(
              DescribeTaskQueueRequest.newBuilder()
                  .setNamespace(namespace)
                  .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue))
                  .build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code != Status.Code.NOT_FOUND && code != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
    }
  }

  /** Whether the channel is connected now; false says little until {@link #systemInfo} is asked. */
  public boolean connected() {
    ManagedChannel channel = workflowService.getRawChannel();
    return channel.getState(false) == ConnectivityState.READY;
  }

  @Override
  public void close() {
    operatorService.shutdown();
    workflowService.shutdown();
    try {
      if (!workflowService.awaitTermination(5, TimeUnit.SECONDS)) {
        workflowService.shutdownNow();
      }
      if (!operatorService.awaitTermination(5, TimeUnit.SECONDS)) {
        operatorService.shutdownNow();
      }
      if (inProcessChannel != null) {
        // A channel given to the stubs is the giver's to close.
        inProcessChannel.shutdown();
        if (!inProcessChannel.awaitTermination(5, TimeUnit.SECONDS)) {
          inProcessChannel.shutdownNow();
        }
      }
      eventLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
      executor.shutdown();
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.log(Level.WARNING, "Interrupted while closing the connection to " + target, e);
    }
  }
}
