package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A caller workflow that outlasts {@code api.wait-timeout} answers 504 with its workflow ID, so the
 * client can look it up later; here no handler runs, so the operation waits for its timeout.
 */
@ExtendWith(ArquillianExtension.class)
class ResultTimeoutIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("result-timeout")
        .with("temporal.workers", "caller")
        .with("temporal.nexus.operation-timeout", "1m")
        .with("api.wait-timeout", "2s")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void slowResultAnswers504WithTheWorkflowId() {
    ApiClient.Answer answer = new ApiClient(base).postJson("api/echo", "{\"message\": \"slow\"}");

    assertEquals(504, answer.status(), "POST /api/echo past the wait limit: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    JsonObject problem = answer.json();
    String workflowId = problem.getString("workflowId");
    assertTrue(workflowId.startsWith("echo-caller-"), "workflowId in " + answer);
    assertTrue(problem.getString("detail").contains(workflowId), "detail names it: " + answer);
  }
}
