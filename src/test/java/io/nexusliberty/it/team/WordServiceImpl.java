package io.nexusliberty.it.team;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.nexusrpc.handler.OperationHandler;
import io.nexusrpc.handler.OperationImpl;
import io.nexusrpc.handler.ServiceImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.nexus.Nexus;
import io.temporal.nexus.WorkflowHandle;
import io.temporal.nexus.WorkflowRunOperation;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The second team's handler: a CDI bean using an injected bean and an injected setting. */
@RunsOn(Role.HANDLER)
@ServiceImpl(service = WordService.class)
public class WordServiceImpl {

  @Inject Punctuation punctuation;

  @Inject
  @ConfigProperty(name = "it.words.task-queue")
  String shoutTaskQueue;

  @OperationImpl
  public OperationHandler<WordService.Word, WordService.Shout> shout() {
    return WorkflowRunOperation.fromWorkflowHandle(
        (context, details, input) -> {
          ShoutWorkflow workflow =
              Nexus.getOperationContext()
                  .getWorkflowClient()
                  .newWorkflowStub(
                      ShoutWorkflow.class,
                      WorkflowOptions.newBuilder()
                          .setWorkflowId("shout-" + details.getRequestId())
                          .setTaskQueue(shoutTaskQueue)
                          .build());
          // What the injected bean adds is part of the answer, so the test sees it ran.
          return WorkflowHandle.fromWorkflowMethod(workflow::shout, punctuation.end(input.word()));
        });
  }
}
