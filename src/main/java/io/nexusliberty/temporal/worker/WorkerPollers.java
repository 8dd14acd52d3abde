package io.nexusliberty.temporal.worker;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Temporal server whether this deployment's workers really poll: for each task queue they
 * serve, a poller with this deployment's identity must have polled since the connection last came
 * back from a failure.
 */
public final class WorkerPollers {

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /** Allowed difference between this host's clock and the server's. */
  private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

  /**
   * The SDK backs off a failing poller by at most a minute (plus 10 % jitter): past this, every
   * poller has polled again since a reconnect, whatever the two clocks say.
   */
  private static final Duration BACKOFF_BOUND = Duration.ofSeconds(70);

  /** A task queue and the kinds of tasks this deployment polls it for. */
  public record Polled(String namespace, String taskQueue, List<TaskQueueType> types) {}

  private final TemporalConnection connection;
  private final String identity;

  public WorkerPollers(TemporalConnection connection, String identity) {
    this.connection = connection;
    this.identity = identity;
  }

  /**
   * What is missing: empty when every queue has this deployment's poller, polling since {@code
   * since}; empty too when the server cannot describe task queues (Temporal's Java test server).
   *
   * @throws StatusRuntimeException when the server does not answer
   */
  public Optional<String> missing(List<Polled> queues, Instant since) {
    boolean pastBackoff = Instant.now().isAfter(since.plus(BACKOFF_BOUND));
    Instant threshold = since.minus(CLOCK_TOLERANCE);
    List<String> missing = new ArrayList<>();
    for (Polled queue : queues) {
      for (TaskQueueType type : queue.types()) {
        List<PollerInfo> pollers;
        try {
          pollers = pollers(queue, type);
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
            return Optional.empty();
          }
          throw e;
        }
        boolean polling =
            pollers.stream()
                .filter(poller -> poller.getIdentity().equals(identity))
                .anyMatch(
                    poller ->
                        pastBackoff
                            || Instant.ofEpochMilli(Timestamps.toMillis(poller.getLastAccessTime()))
                                .isAfter(threshold));
        if (!polling) {
          missing.add(
              (type == TaskQueueType.TASK_QUEUE_TYPE_NEXUS ? "Nexus" : "workflow")
                  + " tasks of namespace "
                  + queue.namespace()
                  + ", task queue "
                  + queue.taskQueue());
        }
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "no poller "
                + identity
                + " seen by the server since "
                + since
                + " for "
                + String.join("; ", missing));
  }

  private List<PollerInfo> pollers(Polled queue, TaskQueueType type) {
    return connection
        .workflowService()
        .blockingStub()
        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .describeTaskQueue(
            DescribeTaskQueueRequest.newBuilder()
                .setNamespace(queue.namespace())
                .setTaskQueue(TaskQueue.newBuilder().setName(queue.taskQueue()))
                .setTaskQueueType(type)
                .build())
        .getPollersList();
  }
}
