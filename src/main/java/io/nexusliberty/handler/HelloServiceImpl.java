package io.nexusliberty.handler;

import io.nexusliberty.service.EchoInput;
import io.nexusliberty.service.EchoOutput;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.HelloService;
import io.nexusrpc.handler.OperationHandler;
import io.nexusrpc.handler.OperationImpl;
import io.nexusrpc.handler.ServiceImpl;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.nexus.Nexus;
import io.temporal.nexus.WorkflowRunOperation;

/** The handler team's implementation of {@link HelloService}. */
@ServiceImpl(service = HelloService.class)
public class HelloServiceImpl {

  @OperationImpl
  public OperationHandler<EchoInput, EchoOutput> echo() {
    // A synchronous operation runs inline in the Nexus task: fine for short computations or calls.
    return OperationHandler.sync((context, details, input) -> new EchoOutput(input.message()));
  }

  @OperationImpl
  public OperationHandler<HelloInput, HelloOutput> sayHello() {
    return WorkflowRunOperation.fromWorkflowMethod(
        (context, details, input) ->
            Nexus.getOperationContext()
                    .getWorkflowClient()
                    .newWorkflowStub(
                        HelloHandlerWorkflow.class,
                        WorkflowOptions.newBuilder()
                            // Workflow IDs should be business-meaningful: they dedupe starts.
                            .setWorkflowId(input.handlerWorkflowId())
                            // A second operation for a greeting already running attaches to that
                            // run instead of failing, so concurrent callers all get the result.
                            .setWorkflowIdConflictPolicy(
                                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                            // Task queue defaults to the one this operation is handled on.
                            .build())
                ::hello);
  }
}
