package io.nexusliberty.caller;

import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.HelloService;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.temporal.workflow.NexusOperationHandle;
import io.temporal.workflow.Workflow;

/**
 * Starts {@code say-hello} through the Nexus endpoint and waits for the handler workflow's
 * greeting; the endpoint and the operation timeout come from the worker's registration options.
 */
@RunsOn(Role.CALLER)
public class HelloCallerWorkflowImpl implements HelloCallerWorkflow {

  private final HelloService helloService = Workflow.newNexusServiceStub(HelloService.class);

  @Override
  public String hello(String name, String language) {
    NexusOperationHandle<HelloOutput> operation =
        Workflow.startNexusOperation(helloService::sayHello, new HelloInput(name, language));
    // Waiting for the start first surfaces a rejected start (such as an unknown endpoint) on its
    // own, and records the operation token that a cancellation of this workflow relies on.
    operation.getExecution().get();
    return operation.getResult().get().message();
  }
}
