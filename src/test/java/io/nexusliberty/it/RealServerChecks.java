package io.nexusliberty.it;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What the tests ask a real Temporal server about workflows and task queues. */
final class RealServerChecks {

  private final RealTemporal server;

  RealServerChecks(RealTemporal server) {
    this.server = server;
  }

  /** The workflow's latest run, or empty when the namespace has no workflow with this ID. */
  Optional<WorkflowExecutionInfo> describe(String namespace, String workflowId) {
    try {
      return Optional.of(
          server
              .workflowService()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Every run with this workflow ID that visibility knows of. */
  List<WorkflowExecutionInfo> runs(String namespace, String workflowId) {
    return server
        .workflowService()
        .blockingStub()
        .listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(namespace)
                .setQuery("WorkflowId = '" + workflowId + "'")
                .build())
        .getExecutionsList();
  }

  /** The IDs of the workflows the query finds, up to {@code limit}. */
  List<String> list(String namespace, String query, int limit) {
    List<String> workflowIds = new java.util.ArrayList<>();
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      var response =
          server
              .workflowService()
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setQuery(query)
                      .setPageSize(Math.min(limit, 1000))
                      .setNextPageToken(page)
                      .build());
      response
          .getExecutionsList()
          .forEach(info -> workflowIds.add(info.getExecution().getWorkflowId()));
      page = response.getNextPageToken();
    } while (!page.isEmpty() && workflowIds.size() < limit);
    return workflowIds.subList(0, Math.min(limit, workflowIds.size()));
  }

  /** Identities of the workers polling a task queue for Nexus tasks. */
  List<String> nexusPollers(String namespace, String taskQueue) {
    return pollers(namespace, taskQueue, TaskQueueType.TASK_QUEUE_TYPE_NEXUS);
  }

  /** Identities of the workers polling a task queue for workflow tasks. */
  List<String> workflowPollers(String namespace, String taskQueue) {
    return pollers(namespace, taskQueue, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
  }

  private List<String> pollers(String namespace, String taskQueue, TaskQueueType type) {
    return server
        .workflowService()
        .blockingStub()
        .describeTaskQueue(
            DescribeTaskQueueRequest.newBuilder()
                .setNamespace(namespace)
                .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue))
                .setTaskQueueType(type)
                .build())
        .getPollersList()
        .stream()
        .map(poller -> poller.getIdentity())
        .toList();
  }

  /** Asks until the answer passes, or the time is up; returns the last answer either way. */
  static <T> T await(Supplier<T> question, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T answer = question.get();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
      answer = question.get();
    }
    return answer;
  }
}
