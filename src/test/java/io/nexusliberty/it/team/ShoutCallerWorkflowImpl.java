package io.nexusliberty.it.team;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.temporal.workflow.Workflow;

/** Calls {@code shout} through the endpoint the application gives every Nexus service. */
@RunsOn(Role.CALLER)
public class ShoutCallerWorkflowImpl implements ShoutCallerWorkflow {

  private final WordService words = Workflow.newNexusServiceStub(WordService.class);

  @Override
  public String shout(String word) {
    return words.shout(new WordService.Word(word)).shout();
  }
}
