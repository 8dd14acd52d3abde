package io.nexusliberty.temporal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.handler.HelloHandlerWorkflow;
import io.nexusliberty.handler.HelloHandlerWorkflowImpl;
import io.nexusliberty.service.HelloInput;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server keeps only the newest closed workflows, and never a running one. */
class EmbeddedServerRetentionTest {

  private static final int KEPT = 10;
  private static final String QUEUE = "retention-test";

  private EmbeddedTemporalServer server;
  private WorkflowServiceStubs service;
  private WorkerFactory workers;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    server = EmbeddedTemporalServer.start(0, KEPT);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    workers = WorkerFactory.newInstance(client);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(HelloHandlerWorkflowImpl.class);
    workers.start();
  }

  @AfterEach
  void stop() {
    workers.shutdownNow();
    service.shutdownNow();
    server.close();
  }

  @Test
  void dropsTheOldestClosedWorkflowsBeyondTheLimit() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3 * KEPT; i++) {
      String id = "retention-" + i;
      HelloHandlerWorkflow workflow =
          client.newWorkflowStub(
              HelloHandlerWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
      assertEquals("Hello n" + i + " 👋", workflow.hello(new HelloInput("n" + i, "en")).message());
      ids.add(id);
    }
    // A running one: started on a queue nobody polls, it stays open.
    String running = "retention-running";
    WorkflowClient.start(
        client.newWorkflowStub(
                HelloHandlerWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(running)
                    .setTaskQueue("nobody-polls")
                    .build())
            ::hello,
        new HelloInput("r", "en"));

    server.retention().sweep();

    assertEquals(0, server.retention().lockEventsRecorded(), "the timer's lock events");

    assertEquals(KEPT, server.retention().closedKept());
    for (String dropped : ids.subList(0, 2 * KEPT)) {
      StatusRuntimeException e =
          assertThrows(StatusRuntimeException.class, () -> describe(dropped));
      assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), dropped);
    }
    for (String kept : ids.subList(2 * KEPT, 3 * KEPT)) {
      assertTrue(describe(kept).contains("COMPLETED"), kept);
    }
    assertTrue(describe(running).contains("RUNNING"));

    // The same workflow ID can be used again once its closed run is gone.
    String reused = ids.get(0);
    HelloHandlerWorkflow again =
        client.newWorkflowStub(
            HelloHandlerWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(reused).setTaskQueue(QUEUE).build());
    assertEquals("Hello again 👋", again.hello(new HelloInput("again", "en")).message());
  }

  private String describe(String workflowId) {
    return service
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus()
        .name();
  }
}
