package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code api.auth-required=true} on a server with no security feature (the test server): the server
 * ignores the WAR's security constraint, so the API and the metrics answer 503, naming the problem,
 * instead of serving anyone. The page stays up.
 */
@ExtendWith(ArquillianExtension.class)
class UnsecuredServerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("unsecured").with("api.auth-required", "true").build();
  }

  @ArquillianResource URL base;

  @Test
  void theApiRefusesToServeAnyone() {
    ApiClient api = new ApiClient(base);
    for (String path : List.of("api/connection", "metrics")) {
      ApiClient.Answer answer = api.get(path);
      assertEquals(503, answer.status(), "GET /" + path + ": " + answer);
      assertTrue(answer.isProblem(), "a problem document: " + answer);
      assertEquals("Authentication unavailable", answer.json().getString("title"));
    }
    ApiClient.Answer post = api.postJson("api/echo", "{\"message\": \"x\"}");
    assertEquals(503, post.status(), "POST /api/echo: " + post);
    assertEquals(200, api.get("").status(), "the page");
  }
}
