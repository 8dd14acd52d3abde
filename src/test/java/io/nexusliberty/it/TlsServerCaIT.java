package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TLS with a private CA and a server name: the application reaches the real server through a
 * TLS-terminating proxy when it trusts the CA that signed the proxy's certificate, and says which
 * setting to fix when it trusts another.
 */
@ExtendWith({RequiresTemporalCli.class, RequiresTlsProxy.class, ArquillianExtension.class})
class TlsServerCaIT {

  @Deployment(name = "tls-server-ca", testable = false)
  static WebArchive trustingTheCa() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("tls-server-ca")
        .with("temporal.address", proxy.tlsAddress())
        .with("temporal.tls.server-ca-cert-path", proxy.certificates().caCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.nexus.endpoint", "it-tls")
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = "tls-wrong-ca", testable = false)
  static WebArchive trustingAnotherCa() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("tls-wrong-ca")
        .with("temporal.address", proxy.tlsAddress())
        .with(
            "temporal.tls.server-ca-cert-path",
            proxy.certificates().otherCaCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.workers", "caller")
        .build();
  }

  @Test
  void withTheRightCaTheCallCompletes(
      @ArquillianResource @OperateOnDeployment("tls-server-ca") URL base) {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer answer = TlsCalls.awaitHello(api, "TLS");

    assertEquals(200, answer.status(), "POST /api/hello over TLS: " + answer);
    assertEquals("Hallo TLS 👋", answer.json().getString("result"));
    assertTrue(
        api.get("api/connection").json().getString("security").startsWith("TLS"),
        "the connection reports TLS");
  }

  @Test
  void withAnotherCaTheAnswerNamesTheCaSetting(
      @ArquillianResource @OperateOnDeployment("tls-wrong-ca") URL base) {
    ApiClient.Answer answer = new ApiClient(base).postJson("api/echo", "{\"message\": \"x\"}");

    assertEquals(503, answer.status(), "POST /api/echo trusting another CA: " + answer);
    assertTrue(
        answer.json().getString("detail").contains("temporal.tls.server-ca-cert-path"),
        "the detail names the setting to fix: " + answer);
  }
}
