package io.nexusliberty.caller;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Calls the synchronous {@code echo} operation and returns its message. */
@WorkflowInterface
public interface EchoCallerWorkflow {

  @WorkflowMethod
  String echo(String message);
}
