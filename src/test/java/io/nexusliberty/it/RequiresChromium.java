package io.nexusliberty.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class only where Debian's Chromium and its driver are installed. */
class RequiresChromium implements ExecutionCondition {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String HOW_TO =
      "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing. Install them"
          + " (apt-get install chromium chromium-driver) and run mvn verify again.";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return ConditionEvaluationResult.enabled("Chromium found");
    }
    if (TOLD.compareAndSet(false, true)) {
      System.err.println(HOW_TO);
    }
    return ConditionEvaluationResult.disabled(HOW_TO);
  }
}
