package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * Settings reach the application from each MicroProfile Config source an operator uses: an
 * environment variable (the test server's server.env), a server variable (its configDropins) and
 * the application's own properties, over the defaults the WAR carries.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsSourcesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("settings-sources")
        .with("temporal.caller.task-queue", "from-app-properties")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void eachSourceReachesTheApplication() {
    ApiClient.Answer answer = new ApiClient(base).get("api/connection");
    assertEquals(200, answer.status(), "GET /api/connection: " + answer);
    JsonObject connection = answer.json();

    assertEquals(
        "PT20S",
        connection.getString("shutdownTimeout"),
        "TEMPORAL_SHUTDOWN_TIMEOUT=20s from server.env");
    assertEquals(
        "it-handler-task-queue",
        connection.getString("handlerTaskQueue"),
        "server variable temporal.handler.task-queue from configDropins");
    assertEquals(
        "from-app-properties",
        connection.getString("callerTaskQueue"),
        "temporal.caller.task-queue from microprofile-config.properties");
    assertEquals(
        "my-caller-namespace", connection.getString("callerNamespace"), "the WAR's default");
    assertTrue(connection.getBoolean("embedded"), "no address: embedded server");
    assertNotEquals(
        "127.0.0.1:7233", connection.getString("target"), "temporal.embedded.port=0: a free port");
  }

  @Test
  void theSettingsAreInForceNotJustReported() {
    // The caller workflow runs on the task queue from the application's properties and reaches
    // the handler on the one from the server variable, through the provisioned endpoint.
    ApiClient.Answer answer =
        new ApiClient(base).postJson("api/hello", "{\"name\": \"Config\", \"language\": \"de\"}");

    assertEquals(200, answer.status(), "POST /api/hello: " + answer);
    assertEquals("Hallo Config 👋", answer.json().getString("result"));
  }
}
