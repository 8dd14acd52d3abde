package io.nexusliberty.handler;

import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.Language;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.RunsOn;
import io.temporal.failure.ApplicationFailure;

/** Greets a name in one of the supported languages. */
@RunsOn(Role.HANDLER)
public class HelloHandlerWorkflowImpl implements HelloHandlerWorkflow {

  /** Failure type of an unsupported language, for callers that match on it. */
  public static final String UNSUPPORTED_LANGUAGE = "UnsupportedLanguage";

  @Override
  public HelloOutput hello(HelloInput input) {
    Language language =
        Language.fromCode(input.language())
            .orElseThrow(
                // Retrying cannot make an unknown language known: fail the workflow for good.
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "unsupported language \"" + input.language() + "\"", UNSUPPORTED_LANGUAGE));
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
