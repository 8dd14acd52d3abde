package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API of the real WAR in Open Liberty, on the embedded Temporal server. */
@ExtendWith(ArquillianExtension.class)
class EmbeddedServerApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("embedded-api").build();
  }

  @ArquillianResource URL base;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(base);
  }

  @Test
  void echoReturnsTheMessageThroughNexus() {
    ApiClient.Answer answer = api.postJson("api/echo", "{\"message\": \"Nexus Echo 👋\"}");

    assertEquals(200, answer.status(), "POST /api/echo: " + answer);
    JsonObject body = answer.json();
    assertEquals("Nexus Echo 👋", body.getString("result"), "echoed message");
    assertTrue(body.getString("workflowId").startsWith("echo-caller-"), "workflowId: " + body);
    assertFalse(body.getString("runId").isBlank(), "runId: " + body);
  }

  @ParameterizedTest
  @CsvSource({
    "en, Hello Nexus 👋",
    "fr, Bonjour Nexus 👋",
    "de, Hallo Nexus 👋",
    "ES, ¡Hola! Nexus 👋",
    "tr, Merhaba Nexus 👋"
  })
  void helloGreetsInEachLanguage(String language, String greeting) {
    ApiClient.Answer answer =
        api.postJson("api/hello", "{\"name\": \"Nexus\", \"language\": \"" + language + "\"}");

    assertEquals(200, answer.status(), "POST /api/hello in " + language + ": " + answer);
    assertEquals(greeting, answer.json().getString("result"), "greeting in " + language);
  }

  @Test
  void invalidJsonIsRejectedNamingTheBody() {
    assertInvalidField(api.postJson("api/hello", "{\"name\": \"Nexus\","), "body");
  }

  @Test
  void missingFieldIsRejectedNamingIt() {
    assertInvalidField(api.postJson("api/hello", "{\"name\": \"Nexus\"}"), "language");
    assertInvalidField(api.postJson("api/echo", "{}"), "message");
  }

  @Test
  void blankNameIsRejectedNamingIt() {
    assertInvalidField(
        api.postJson("api/hello", "{\"name\": \"  \", \"language\": \"en\"}"), "name");
  }

  @Test
  void unknownLanguageIsRejectedNamingIt() {
    ApiClient.Answer answer =
        api.postJson("api/hello", "{\"name\": \"Nexus\", \"language\": \"xx\"}");

    assertInvalidField(answer, "language");
    assertTrue(answer.json().getString("detail").contains("\"xx\""), "detail names it: " + answer);
  }

  @Test
  void oversizedMessageIsRejectedNamingIt() {
    String message = "x".repeat(1001);

    assertInvalidField(api.postJson("api/echo", "{\"message\": \"" + message + "\"}"), "message");
  }

  @Test
  void wrongTypeIsRejectedNamingTheField() {
    assertInvalidField(api.postJson("api/echo", "{\"message\": 42}"), "message");
  }

  @Test
  void nonJsonContentTypeIsAProblemToo() {
    ApiClient.Answer answer = api.post("api/echo", "text/plain", "hello");

    assertEquals(415, answer.status(), "POST text/plain: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
  }

  private static void assertInvalidField(ApiClient.Answer answer, String field) {
    assertEquals(400, answer.status(), "status: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    JsonObject problem = answer.json();
    assertEquals(field, problem.getString("field"), "field named by " + answer);
    assertEquals(400, problem.getInt("status"), "status member of " + answer);
    assertFalse(problem.getString("title").isBlank(), "title of " + answer);
    assertTrue(problem.getString("detail").contains(field), "detail names the field: " + answer);
    assertFalse(answer.body().contains("at io."), "no stack trace: " + answer);
  }
}
