package io.nexusliberty.temporal.nexus;

import io.nexusliberty.temporal.BadNexusInput;
import io.nexusrpc.OperationException;
import io.nexusrpc.handler.HandlerException;
import io.nexusrpc.handler.OperationContext;
import io.temporal.common.interceptors.NexusOperationInboundCallsInterceptor;
import io.temporal.common.interceptors.NexusOperationInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Fails a Nexus operation whose input could not be decoded as the caller's fault ({@link
 * BadNexusInput}), before its handler runs, and logs every such refusal once, in one line.
 */
public final class NexusInputInterceptor extends WorkerInterceptorBase {

  private static final Logger LOG = Logger.getLogger(NexusInputInterceptor.class.getName());

  @Override
  public NexusOperationInboundCallsInterceptor interceptNexusOperation(
      OperationContext context, NexusOperationInboundCallsInterceptor next) {
    // The SDK builds this chain for each task, then decodes the input, then starts the operation.
    NexusInputDecoding.begin();
    return new NexusOperationInboundCallsInterceptorBase(next) {
      @Override
      public StartOperationOutput startOperation(StartOperationInput input)
          throws OperationException {
        Optional<String> problem = NexusInputDecoding.end();
        OperationContext operation = input.getOperationContext();
        try {
          if (problem.isPresent()) {
            throw BadNexusInput.refuse(operation, problem.get());
          }
          return super.startOperation(input);
        } catch (HandlerException e) {
          if (BadNexusInput.isBadInput(e)) {
            LOG.warning(
                () ->
                    "Refused a Nexus call (request "
                        + LoggedText.escaped(input.getStartDetails().getRequestId())
                        + "): "
                        + LoggedText.escaped(e.getMessage()));
          }
          throw e;
        }
      }

      @Override
      public CancelOperationOutput cancelOperation(CancelOperationInput input) {
        NexusInputDecoding.end();
        return super.cancelOperation(input);
      }
    };
  }
}
