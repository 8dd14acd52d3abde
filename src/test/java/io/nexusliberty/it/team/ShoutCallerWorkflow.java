package io.nexusliberty.it.team;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The second team's caller workflow. */
@WorkflowInterface
public interface ShoutCallerWorkflow {

  @WorkflowMethod
  String shout(String word);
}
