package io.nexusliberty.it;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the Temporal CLI is available; elsewhere skips it, saying once how
 * to enable the real-server suite.
 */
class RequiresTemporalCli implements ExecutionCondition {

  static final String HOW_TO =
      "Real-server tests skipped: the Temporal CLI was not found. Put 'temporal' on the PATH or set"
          + " TEMPORAL_CLI to it (go install github.com/temporalio/cli/cmd/temporal@v1.5.1), then"
          + " run mvn verify again.";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TemporalDevServer.cli().isPresent()) {
      return ConditionEvaluationResult.enabled("Temporal CLI found");
    }
    if (TOLD.compareAndSet(false, true)) {
      System.err.println(HOW_TO);
    }
    return ConditionEvaluationResult.disabled(HOW_TO);
  }
}
