package io.nexusliberty.handler;

import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The workflow behind the asynchronous {@code say-hello} operation. */
@WorkflowInterface
public interface HelloHandlerWorkflow {

  @WorkflowMethod
  HelloOutput hello(HelloInput input);
}
