package io.nexusliberty.caller;

import io.nexusliberty.service.EchoInput;
import io.nexusliberty.service.HelloService;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.temporal.workflow.Workflow;

/**
 * Calls {@code echo} through the Nexus endpoint; the endpoint and the operation timeout come from
 * the worker's registration options, not from this class.
 */
@RunsOn(Role.CALLER)
public class EchoCallerWorkflowImpl implements EchoCallerWorkflow {

  private final HelloService helloService = Workflow.newNexusServiceStub(HelloService.class);

  @Override
  public String echo(String message) {
    return helloService.echo(new EchoInput(message)).message();
  }
}
