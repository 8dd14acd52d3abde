package io.nexusliberty.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nexusliberty.handler.HelloHandlerWorkflow;
import io.nexusliberty.handler.HelloServiceImpl;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caller workflow against the real Nexus handler, with the handler's workflow replaced. */
class HelloCallerWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL =
      TestWorkflowExtension.newBuilder()
          .setNexusServiceImplementation(new HelloServiceImpl())
          .registerWorkflowImplementationTypes(HelloCallerWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  void passesNameAndLanguageThroughAndReturnsTheHandlersMessage(
      TestWorkflowEnvironment environment, Worker worker, HelloCallerWorkflow workflow) {
    List<HelloInput> received = new CopyOnWriteArrayList<>();
    // Workflows started by a Nexus operation can be replaced like any other workflow.
    worker.registerWorkflowImplementationFactory(
        HelloHandlerWorkflow.class,
        () ->
            input -> {
              received.add(input);
              return new HelloOutput("stubbed greeting for " + input.name());
            });
    environment.start();

    String greeting = workflow.hello("Nexus", "de");

    assertEquals(
        "stubbed greeting for Nexus", greeting, "caller must return the handler's message");
    assertEquals(List.of(new HelloInput("Nexus", "de")), received, "input the handler received");
  }
}
