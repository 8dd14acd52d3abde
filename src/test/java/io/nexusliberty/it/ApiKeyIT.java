package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API key over TLS, as with Temporal Cloud: the proxy rejects requests without {@code
 * authorization: Bearer <key>}. With the right key the call completes; with a wrong one the answer
 * names the setting, and never the key.
 */
@ExtendWith({RequiresTemporalCli.class, RequiresTlsProxy.class, ArquillianExtension.class})
class ApiKeyIT {

  private static final String WRONG_KEY = "not-the-key";

  @Deployment(name = "api-key", testable = false)
  static WebArchive withTheKey() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("api-key")
        .with("temporal.address", proxy.apiKeyAddress())
        .with("temporal.api-key", TlsProxy.API_KEY)
        .with("temporal.tls.server-ca-cert-path", proxy.certificates().caCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.nexus.endpoint", "it-api-key")
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = "wrong-api-key", testable = false)
  static WebArchive withAWrongKey() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("wrong-api-key")
        .with("temporal.address", proxy.apiKeyAddress())
        .with("temporal.api-key", WRONG_KEY)
        .with("temporal.tls.server-ca-cert-path", proxy.certificates().caCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.workers", "caller")
        .build();
  }

  @Test
  void withTheKeyTheCallCompletes(@ArquillianResource @OperateOnDeployment("api-key") URL base) {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer answer = TlsCalls.awaitHello(api, "Key");

    assertEquals(200, answer.status(), "POST /api/hello with the API key: " + answer);
    assertEquals("Hallo Key 👋", answer.json().getString("result"));
    String connection = api.get("api/connection").body();
    assertTrue(connection.contains("API key"), "the connection reports the key: " + connection);
    assertFalse(connection.contains(TlsProxy.API_KEY), "but never the key itself: " + connection);
  }

  @Test
  void withAWrongKeyTheAnswerNamesTheKeySetting(
      @ArquillianResource @OperateOnDeployment("wrong-api-key") URL base) {
    ApiClient.Answer answer = new ApiClient(base).postJson("api/echo", "{\"message\": \"x\"}");

    assertEquals(503, answer.status(), "POST /api/echo with a wrong key: " + answer);
    assertTrue(
        answer.json().getString("detail").contains("temporal.api-key"),
        "the detail names the setting to fix: " + answer);
    assertFalse(answer.body().contains(WRONG_KEY), "the key is not echoed: " + answer);
  }

  @Test
  void neitherKeyAppearsInTheLogOrTheHealthData(
      @ArquillianResource @OperateOnDeployment("api-key") URL base) throws Exception {
    TlsCalls.awaitHello(new ApiClient(base), "Log");
    String health = new HealthChecks(base).ready().body();
    String log =
        Files.readString(Path.of(System.getProperty("it.server.dir"), "logs", "messages.log"));

    assertFalse(log.contains(TlsProxy.API_KEY), "the API key must not be logged");
    assertFalse(log.contains(WRONG_KEY), "a wrong API key must not be logged either");
    assertFalse(health.contains(TlsProxy.API_KEY), "nor be in /health/ready: " + health);
  }
}
