package io.nexusliberty.temporal;

import io.nexusrpc.OperationDefinition;
import io.nexusrpc.ServiceDefinition;
import io.nexusrpc.handler.HandlerException;
import io.nexusrpc.handler.OperationContext;
import io.temporal.failure.ApplicationFailure;

/**
 * The answer to a Nexus caller whose input the operation cannot take: a non-retryable {@code
 * BAD_REQUEST} handler error saying what was wrong and what the operation expects, so that the
 * server never retries it and the endpoint's circuit breaker never counts it.
 */
public final class BadNexusInput {

  /** The type of the application failure the caller finds as the handler error's cause. */
  public static final String FAILURE_TYPE = "BadNexusInput";

  private BadNexusInput() {}

  /**
   * The error to throw from an operation handler that finds its input unacceptable.
   *
   * @param problem what is wrong, such as {@code unsupported language "xx"}
   */
  public static HandlerException refuse(OperationContext context, String problem) {
    String message =
        "Bad input to "
            + context.getService()
            + "/"
            + context.getOperation()
            + ": "
            + problem
            + "; expected "
            + expected(context);
    // Callers in every SDK see the cause's message and type; the handler error carries no more.
    return new HandlerException(
        HandlerException.ErrorType.BAD_REQUEST,
        message,
        ApplicationFailure.newNonRetryableFailure(message, FAILURE_TYPE),
        HandlerException.RetryBehavior.NON_RETRYABLE);
  }

  /** Whether this is the caller's fault, as {@link #refuse} and handlers report it. */
  public static boolean isBadInput(Throwable failure) {
    return failure instanceof HandlerException handler
        && handler.getErrorType() == HandlerException.ErrorType.BAD_REQUEST;
  }

  private static String expected(OperationContext context) {
    ServiceDefinition service = context.getServiceDefinition();
    OperationDefinition operation =
        service == null ? null : service.getOperations().get(context.getOperation());
    return operation == null
        ? "the operation's input"
        : new NexusInputShape(operation.getInputType()).describe();
  }
}
