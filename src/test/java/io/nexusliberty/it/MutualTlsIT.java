package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutual TLS: the proxy accepts only clients with a certificate signed by the test CA. With its
 * certificate and key, as files or inline, the application gets through; without one, the answer
 * says which settings to set. (A certificate without its key stops deployment: {@link
 * InvalidTlsSettingIT}.)
 */
@ExtendWith({RequiresTemporalCli.class, RequiresTlsProxy.class, ArquillianExtension.class})
class MutualTlsIT {

  @Deployment(name = "mtls", testable = false)
  static WebArchive withClientCertificate() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("mtls")
        .with("temporal.address", proxy.mutualTlsAddress())
        .with("temporal.tls.client-cert-path", proxy.certificates().clientCertificate().toString())
        .with("temporal.tls.client-key-path", proxy.certificates().clientKey().toString())
        .with("temporal.tls.server-ca-cert-path", proxy.certificates().caCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.nexus.endpoint", "it-mtls")
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = "mtls-inline", testable = false)
  static WebArchive withInlineCertificates() throws IOException {
    TlsProxy proxy = TlsProxy.shared();
    TestCertificates certificates = proxy.certificates();
    return TestWar.named("mtls-inline")
        .with("temporal.address", proxy.mutualTlsAddress())
        .with("temporal.tls.client-cert-data", Files.readString(certificates.clientCertificate()))
        .with("temporal.tls.client-key-data", Files.readString(certificates.clientKey()))
        .with("temporal.tls.server-ca-cert-data", Files.readString(certificates.caCertificate()))
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.nexus.endpoint", "it-mtls-inline")
        .with("temporal.caller.task-queue", "it-mtls-inline-caller")
        .with("temporal.handler.task-queue", "it-mtls-inline-handler")
        .with("temporal.provision", "true")
        .build();
  }

  @Deployment(name = "mtls-no-client-certificate", testable = false)
  static WebArchive withoutClientCertificate() {
    TlsProxy proxy = TlsProxy.shared();
    return TestWar.named("mtls-no-client-certificate")
        .with("temporal.address", proxy.mutualTlsAddress())
        .with("temporal.tls.server-ca-cert-path", proxy.certificates().caCertificate().toString())
        .with("temporal.tls.server-name", TestCertificates.SERVER_NAME)
        .with("temporal.workers", "caller")
        .build();
  }

  @Test
  void withACertificateTheCallCompletes(@ArquillianResource @OperateOnDeployment("mtls") URL base) {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer answer = TlsCalls.awaitHello(api, "mTLS");

    assertEquals(200, answer.status(), "POST /api/hello over mutual TLS: " + answer);
    assertEquals("Hallo mTLS 👋", answer.json().getString("result"));
    assertTrue(
        api.get("api/connection").json().getString("security").startsWith("mutual TLS"),
        "the connection reports mutual TLS");
  }

  @Test
  void withTheCertificatesInlineTheCallCompletes(
      @ArquillianResource @OperateOnDeployment("mtls-inline") URL base) {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer answer = TlsCalls.awaitHello(api, "Inline");

    assertEquals(200, answer.status(), "POST /api/hello over mutual TLS: " + answer);
    assertEquals("Hallo Inline 👋", answer.json().getString("result"));
    assertEquals(
        "mutual TLS, CA inline (temporal.tls.server-ca-cert-data), server name "
            + TestCertificates.SERVER_NAME,
        api.get("api/connection").json().getString("security"));
  }

  @Test
  void theKeyFileContentsNeverReachTheLog(@ArquillianResource @OperateOnDeployment("mtls") URL base)
      throws Exception {
    TlsCalls.awaitHello(new ApiClient(base), "Quiet");
    List<String> keyLines =
        Files.readAllLines(TlsProxy.shared().certificates().clientKey()).stream()
            .filter(line -> !line.startsWith("-----"))
            .toList();
    String log =
        Files.readString(Path.of(System.getProperty("it.server.dir"), "logs", "messages.log"));

    assertFalse(keyLines.isEmpty(), "the key file has content");
    assertTrue(keyLines.stream().noneMatch(log::contains), "no line of the private key in the log");
  }

  @Test
  void withoutACertificateTheAnswerNamesTheCertificateSettings(
      @ArquillianResource @OperateOnDeployment("mtls-no-client-certificate") URL base) {
    ApiClient.Answer answer = new ApiClient(base).postJson("api/echo", "{\"message\": \"x\"}");

    assertEquals(503, answer.status(), "POST /api/echo without a client certificate: " + answer);
    assertTrue(
        answer.json().getString("detail").contains("temporal.tls.client-cert-path"),
        "the detail names the setting to fix: " + answer);
  }
}
