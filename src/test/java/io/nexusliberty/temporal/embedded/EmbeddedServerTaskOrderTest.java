package io.nexusliberty.temporal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nexusliberty.handler.HelloHandlerWorkflow;
import io.nexusliberty.service.HelloInput;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server hands out a task queue's waiting tasks oldest first. */
class EmbeddedServerTaskOrderTest {

  private static final String QUEUE = "task-order-test";
  private static final int WORKFLOWS = 40;

  private EmbeddedTemporalServer server;
  private WorkflowServiceStubs service;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    server = EmbeddedTemporalServer.start(0, 1000);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  @AfterEach
  void stop() {
    service.shutdownNow();
    server.close();
  }

  @Test
  void waitingWorkflowTasksAreHandedOutInTheOrderTheyWereScheduled() {
    List<String> scheduled = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      String workflowId = "order-" + i;
      client
          .newUntypedWorkflowStub(
              HelloHandlerWorkflow.class.getSimpleName(),
              WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build())
          .start(new HelloInput("n" + i, "en"));
      scheduled.add(workflowId);
    }

    // All of them wait in the queue's backlog: each poll takes the next one at once.
    List<String> handedOut = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      handedOut.add(
          service
              .blockingStub()
              .pollWorkflowTaskQueue(
                  PollWorkflowTaskQueueRequest.newBuilder()
                      .setNamespace("default")
                      .setTaskQueue(TaskQueue.newBuilder().setName(QUEUE))
                      .setIdentity("task-order-test")
                      .build())
              .getWorkflowExecution()
              .getWorkflowId());
    }

    assertEquals(scheduled, handedOut);
  }
}
