package io.nexusliberty.temporal.embedded;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps two calls of Temporal's Java test server from deadlocking each other.
 *
 * <p>A start that attaches to a running workflow (conflict policy USE_EXISTING) holds the server's
 * lock and then takes the workflow's; a workflow task that completes that workflow holds the
 * workflow's lock and then, to complete the Nexus operations waiting on it, takes the server's.
 * When the two meet, both wait forever and the server stops serving workflows. Here such starts run
 * alone, while the calls that can complete a workflow run side by side with each other but not with
 * them. Everything else passes untouched.
 */
final class EmbeddedServerLockOrder implements ServerInterceptor {

  /** Calls that can complete a workflow, and with it the Nexus operations attached to it. */
  private static final Set<String> COMPLETING_CALLS =
      Set.of(
          WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName(),
          WorkflowServiceGrpc.getTerminateWorkflowExecutionMethod().getFullMethodName());

  private static final String START =
      WorkflowServiceGrpc.getStartWorkflowExecutionMethod().getFullMethodName();

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    boolean completing = COMPLETING_CALLS.contains(method);
    boolean start = START.equals(method);
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!completing && !start) {
      return listener;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      private Lock held = completing ? lock.readLock() : null;

      @Override
      public void onMessage(Q message) {
        if (message instanceof StartWorkflowExecutionRequest request
            && request.getWorkflowIdConflictPolicy()
                == WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) {
          held = lock.writeLock();
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        // A unary call does its work here, on the calling thread.
        if (held == null) {
          super.onHalfClose();
          return;
        }
        held.lock();
        try {
          super.onHalfClose();
        } finally {
          held.unlock();
        }
      }
    };
  }
}
