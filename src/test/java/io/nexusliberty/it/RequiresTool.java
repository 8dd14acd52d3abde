package io.nexusliberty.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a tool it needs is installed; elsewhere skips it, saying once per
 * tool how to enable it.
 */
abstract class RequiresTool implements ExecutionCondition {

  private static final Set<Class<?>> TOLD = ConcurrentHashMap.newKeySet();

  /** Whether the tool is here. */
  abstract boolean available();

  /** One line: what was skipped, and how to enable it. */
  abstract String howTo();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (available()) {
      return ConditionEvaluationResult.enabled(getClass().getSimpleName() + ": found");
    }
    if (TOLD.add(getClass())) {
      System.err.println(howTo());
    }
    return ConditionEvaluationResult.disabled(howTo());
  }
}
