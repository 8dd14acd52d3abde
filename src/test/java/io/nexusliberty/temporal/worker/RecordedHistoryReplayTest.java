package io.nexusliberty.temporal.worker;

import io.nexusliberty.caller.EchoCallerWorkflowImpl;
import io.nexusliberty.caller.HelloCallerWorkflowImpl;
import io.nexusliberty.handler.HelloHandlerWorkflowImpl;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs against the workflow classes as they are now, with the
 * options the workers register them with: a change that makes a workflow decide differently on the
 * same history (a non-deterministic change) fails here, before it fails running workflows.
 *
 * <p>The histories under {@code src/test/resources/io/nexusliberty/histories} were recorded from
 * the application on {@code temporal server start-dev} with {@code temporal workflow show --output
 * json}: an echo, a greeting ({@code de}, {@code Nexus}), and a caller workflow started directly
 * with the unsupported language {@code xx}, with the handler workflows behind the two greetings.
 */
class RecordedHistoryReplayTest {

  private TestWorkflowEnvironment environment;
  private Worker worker;

  @BeforeEach
  void worker() {
    Map<String, String> defaults = WarDefaults.load();
    TemporalSettings settings =
        TemporalSettings.load(name -> Optional.ofNullable(defaults.get(name)));
    environment = TestWorkflowEnvironment.newInstance();
    worker = environment.newWorker("replay");
    worker.registerWorkflowImplementationTypes(
        NexusCallOptions.of(settings), EchoCallerWorkflowImpl.class, HelloCallerWorkflowImpl.class);
    worker.registerWorkflowImplementationTypes(HelloHandlerWorkflowImpl.class);
  }

  @AfterEach
  void close() {
    environment.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo-caller.json",
        "hello-caller.json",
        "hello-caller-unsupported-language.json",
        "hello-handler.json",
        "hello-handler-unsupported-language.json"
      })
  void replaysWithoutNonDeterminism(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "io/nexusliberty/histories/" + history, worker);
  }
}
