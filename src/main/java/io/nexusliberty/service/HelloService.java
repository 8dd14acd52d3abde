package io.nexusliberty.service;

import io.nexusrpc.Operation;
import io.nexusrpc.Service;

/**
 * The Nexus service contract shared by the handler and caller teams, wire-compatible with
 * Temporal's Go hello-Nexus sample.
 */
@Service(name = HelloService.NAME)
public interface HelloService {

  /** The service name callers address through a Nexus endpoint. */
  String NAME = "my-hello-service";

  /** Synchronous operation that returns its input. */
  @Operation(name = "echo")
  EchoOutput echo(EchoInput input);

  /** Asynchronous operation backed by the {@code HelloHandlerWorkflow} workflow. */
  @Operation(name = "say-hello")
  HelloOutput sayHello(HelloInput input);
}
