package io.nexusliberty.it.team;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The second team's handler workflow. */
@WorkflowInterface
public interface ShoutWorkflow {

  @WorkflowMethod
  WordService.Shout shout(String text);
}
