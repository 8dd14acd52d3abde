package io.nexusliberty.caller;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Calls the asynchronous {@code say-hello} operation and returns the greeting. */
@WorkflowInterface
public interface HelloCallerWorkflow {

  /**
   * @param name who to greet
   * @param language lower-case language code, as on the wire ({@code en}, {@code fr}, ...)
   */
  @WorkflowMethod
  String hello(String name, String language);
}
