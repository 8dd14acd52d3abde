package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Temporal's own client configuration, as a platform would give it: a {@code temporal.toml} profile
 * (chosen by {@code TEMPORAL_CONFIG_FILE} and {@code TEMPORAL_PROFILE}) with the address, the
 * namespace, the server name and the CA inline; the client certificate and key inline in {@code
 * TEMPORAL_TLS_CLIENT_*_DATA} variables, as a Kubernetes secret would be; and gRPC metadata in
 * {@code TEMPORAL_GRPC_META_X_TENANT}. The proxy in front of the real server lets a call through
 * only with the certificate and the metadata, so an answer proves every part was used.
 */
@ExtendWith({RequiresTemporalCli.class, RequiresTlsProxy.class})
class ClientProfileIT {

  private static final String NAMESPACE = "it-profile-caller";

  @Test
  void aProfileWithInlineCertificatesAndMetadataReachesTheServer() throws IOException {
    TlsProxy proxy = TlsProxy.shared();
    TestCertificates certificates = proxy.certificates();
    Path file = Files.createTempFile(Path.of("target"), "temporal-", ".toml").toAbsolutePath();
    Files.writeString(
        file,
        """
        # The default profile points nowhere: only the named one may be used.
        [profile.default]
        address = "127.0.0.1:9"

        [profile.it]
        address = "%s"
        namespace = "%s"

        [profile.it.tls]
        server_name = "%s"
        server_ca_cert_data = \"""
        %s\"""
        """
            .formatted(
                proxy.tenantAddress(),
                NAMESPACE,
                TestCertificates.SERVER_NAME,
                Files.readString(certificates.caCertificate())));
    Map<String, String> environment =
        Map.of(
            "TEMPORAL_CONFIG_FILE", file.toString(),
            "TEMPORAL_PROFILE", "it",
            "TEMPORAL_TLS_CLIENT_CERT_DATA", Files.readString(certificates.clientCertificate()),
            "TEMPORAL_TLS_CLIENT_KEY_DATA", Files.readString(certificates.clientKey()),
            "TEMPORAL_GRPC_META_X_TENANT", TlsProxy.TENANT,
            "TEMPORAL_PROVISION", "true",
            "TEMPORAL_NEXUS_ENDPOINT", "it-profile",
            "TEMPORAL_CALLER_TASK_QUEUE", "it-profile-caller-queue",
            "TEMPORAL_HANDLER_TASK_QUEUE", "it-profile-handler-queue");

    try (LibertyServer liberty = LibertyServer.create("profile", environment)) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));
      ApiClient api = new ApiClient(liberty.base());

      ApiClient.Answer answer = TlsCalls.awaitHello(api, "Profile");
      assertEquals(200, answer.status(), "POST /api/hello through the profile's server: " + answer);
      assertEquals("Hallo Profile 👋", answer.json().getString("result"));

      JsonObject connection = api.get("api/connection").json();
      assertEquals(proxy.tenantAddress(), connection.getString("target"));
      assertEquals(NAMESPACE, connection.getString("callerNamespace"));
      assertTrue(
          connection.getString("security").startsWith("mutual TLS, CA inline"),
          "security: " + connection.getString("security"));
      assertTrue(
          connection.getString("clientProfile").startsWith("profile \"it\" of " + file),
          "clientProfile: " + connection.getString("clientProfile"));
      assertEquals(
          List.of("x-tenant"),
          connection.getJsonArray("grpcMetadata").getValuesAs(JsonString::getString));

      List<String> keyLines =
          Files.readAllLines(certificates.clientKey()).stream()
              .filter(line -> !line.startsWith("-----"))
              .toList();
      List<String> log = liberty.messages();
      assertFalse(keyLines.isEmpty(), "the key has content");
      assertTrue(
          log.stream().noneMatch(line -> keyLines.stream().anyMatch(line::contains)),
          "no line of the private key in the log");
      assertTrue(
          log.stream().noneMatch(line -> line.contains(TlsProxy.TENANT)),
          "the metadata's value is not logged");
    }
  }
}
