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
 * A caller-only deployment with no handler anywhere: the Nexus operation times out, the caller
 * workflow fails, and the API answers 422 with the failure's message and the workflow ID.
 */
@ExtendWith(ArquillianExtension.class)
class CallerFailureIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("caller-failure")
        .with("temporal.workers", "caller")
        .with("temporal.nexus.operation-timeout", "2s")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void failedOperationAnswers422WithItsMessage() {
    ApiClient.Answer answer = new ApiClient(base).postJson("api/echo", "{\"message\": \"hello?\"}");

    assertEquals(422, answer.status(), "POST /api/echo without a handler: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    JsonObject problem = answer.json();
    assertTrue(
        problem.getString("workflowId").startsWith("echo-caller-"), "workflowId in " + answer);
    assertTrue(
        problem.getString("detail").toLowerCase().contains("timeout")
            || problem.getString("detail").toLowerCase().contains("timed out"),
        "the detail says the operation timed out: " + answer);
  }
}
