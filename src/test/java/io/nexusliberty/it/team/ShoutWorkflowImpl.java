package io.nexusliberty.it.team;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import java.util.Locale;

/** Upper-cases the text, on a task queue the team names with a property of its own. */
@RunsOn(value = Role.HANDLER, taskQueueProperty = "it.words.task-queue")
public class ShoutWorkflowImpl implements ShoutWorkflow {

  @Override
  public WordService.Shout shout(String text) {
    return new WordService.Shout(text.toUpperCase(Locale.ROOT));
  }
}
