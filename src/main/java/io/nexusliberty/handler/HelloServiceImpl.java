package io.nexusliberty.handler;

import io.nexusliberty.service.EchoInput;
import io.nexusliberty.service.EchoOutput;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.HelloService;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.nexusrpc.handler.OperationHandler;
import io.nexusrpc.handler.OperationImpl;
import io.nexusrpc.handler.ServiceImpl;

/** The handler team's implementation of {@link HelloService}. */
@RunsOn(Role.HANDLER)
@ServiceImpl(service = HelloService.class)
public class HelloServiceImpl {

  @OperationImpl
  public OperationHandler<EchoInput, EchoOutput> echo() {
    // A synchronous operation runs inline in the Nexus task: fine for short computations or calls.
    return OperationHandler.sync((context, details, input) -> new EchoOutput(input.message()));
  }

  @OperationImpl
  public OperationHandler<HelloInput, HelloOutput> sayHello() {
    return new SayHelloOperation();
  }
}
