package io.nexusliberty.it;

import io.nexusliberty.it.team.ShoutCallerWorkflow;
import io.nexusliberty.it.team.WordService;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second team's Nexus service, handler, workflows and caller (package {@code it.team}), added to
 * the application's WAR in the test archive only, as a team adding its own operation would.
 */
final class SecondTeam {

  static final String CALLER_TASK_QUEUE = "it-team-caller";
  static final String SHOUT_TASK_QUEUE = "it-words";

  private SecondTeam() {}

  /** The application's WAR with the second team's classes and their own settings. */
  static WebArchive war(TestWar application) {
    return application
        .with("temporal.caller.task-queue", CALLER_TASK_QUEUE)
        .with("it.words.task-queue", SHOUT_TASK_QUEUE)
        .with("it.words.mark", "!")
        .build()
        .addPackage(WordService.class.getPackage());
  }

  /** Runs the second team's caller workflow, which calls its service through the endpoint. */
  static String shout(WorkflowClient callerNamespace, String word) {
    ShoutCallerWorkflow caller =
        callerNamespace.newWorkflowStub(
            ShoutCallerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(CALLER_TASK_QUEUE)
                .setWorkflowId("shout-caller-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
                .build());
    return caller.shout(word);
  }
}
