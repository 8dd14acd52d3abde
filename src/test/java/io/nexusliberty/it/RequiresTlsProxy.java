package io.nexusliberty.it;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class only where nginx is installed to terminate TLS; elsewhere says how to. */
class RequiresTlsProxy implements ExecutionCondition {

  static final String HOW_TO =
      "TLS tests skipped: nginx was not found. Install it (apt-get install nginx-light) and run"
          + " mvn verify again.";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TlsProxy.nginx().isPresent()) {
      return ConditionEvaluationResult.enabled("nginx found");
    }
    if (TOLD.compareAndSet(false, true)) {
      System.err.println(HOW_TO);
    }
    return ConditionEvaluationResult.disabled(HOW_TO);
  }
}
