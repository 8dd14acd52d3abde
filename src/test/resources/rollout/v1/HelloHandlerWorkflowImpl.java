package io.nexusliberty.handler;

import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.Language;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Release 1 of a team's handler workflow, for RolloutIT: a slow step (a timer), then the greeting. */
@RunsOn(Role.HANDLER)
public class HelloHandlerWorkflowImpl implements HelloHandlerWorkflow {

  public static final String UNSUPPORTED_LANGUAGE = "UnsupportedLanguage";

  @Override
  public HelloOutput hello(HelloInput input) {
    Language language =
        Language.fromCode(input.language())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "unsupported language \"" + input.language() + "\"", UNSUPPORTED_LANGUAGE));
    Workflow.sleep(Duration.ofSeconds(40));
    return new HelloOutput(greeting(language) + " " + input.name() + " 👋");
  }

  private static String greeting(Language language) {
    return switch (language) {
      case EN -> "Hello";
      case FR -> "Bonjour";
      case DE -> "Hallo";
      case ES -> "¡Hola!";
      case TR -> "Merhaba";
    };
  }
}
