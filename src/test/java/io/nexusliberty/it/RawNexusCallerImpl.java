package io.nexusliberty.it;

import io.nexusliberty.service.HelloService;
import io.nexusrpc.handler.HandlerException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.NexusOperationFailure;
import io.temporal.workflow.NexusOperationOptions;
import io.temporal.workflow.NexusServiceOptions;
import io.temporal.workflow.NexusServiceStub;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/** Sends the payload through the endpoint; a handler error is an answer, not a failure. */
public class RawNexusCallerImpl implements RawNexusCaller {

  /** Long enough that an operation the server kept retrying would show as slow, not hang. */
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String call(String endpoint, String operation, String encoding, String data) {
    NexusServiceStub service =
        Workflow.newUntypedNexusServiceStub(
            HelloService.NAME,
            NexusServiceOptions.newBuilder()
                .setEndpoint(endpoint)
                .setOperationOptions(
                    NexusOperationOptions.newBuilder()
                        .setScheduleToCloseTimeout(OPERATION_TIMEOUT)
                        .build())
                .build());
    try {
      Map<?, ?> result = service.execute(operation, Map.class, new RawPayloads.Raw(encoding, data));
      return "ok " + result;
    } catch (NexusOperationFailure failure) {
      if (failure.getCause() instanceof HandlerException handler
          && handler.getCause() instanceof ApplicationFailure cause) {
        return handler.getErrorType()
            + " "
            + handler.getRetryBehavior()
            + " "
            + cause.getType()
            + ": "
            + cause.getOriginalMessage();
      }
      return "failed: " + failure.getCause();
    }
  }
}
