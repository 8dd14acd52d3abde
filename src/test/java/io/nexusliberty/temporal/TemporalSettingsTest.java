package io.nexusliberty.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and validating the settings, starting from the defaults the WAR carries. */
class TemporalSettingsTest {

  private final Map<String, String> values = new HashMap<>();

  @TempDir Path files;

  @BeforeEach
  void startFromTheWarsDefaults() {
    values.putAll(WarDefaults.load());
  }

  private TemporalSettings load() {
    return TemporalSettings.load(name -> Optional.ofNullable(values.get(name)));
  }

  private InvalidSettingException invalid() {
    return assertThrows(InvalidSettingException.class, this::load);
  }

  @Test
  void serverXmlDefaultsGiveTheSamplesTopologyOnTheEmbeddedServer() {
    TemporalSettings settings = load();

    assertTrue(settings.embedded(), "no address means the embedded server");
    assertNull(settings.address());
    assertEquals("my-caller-namespace", settings.callerNamespace());
    assertEquals("my-caller-workflow-task-queue", settings.callerTaskQueue());
    assertEquals("my-target-namespace", settings.handlerNamespace());
    assertEquals("my-handler-task-queue", settings.handlerTaskQueue());
    assertEquals("my-nexus-endpoint-name", settings.nexusEndpoint());
    assertEquals(Duration.ofMinutes(5), settings.operationTimeout());
    assertEquals(Set.of(Role.CALLER, Role.HANDLER), settings.roles());
    assertEquals(Provisioning.AUTO, settings.provisioning());
    assertTrue(settings.provisions(), "auto provisions the embedded server");
    assertEquals(7233, settings.embeddedPort());
    assertEquals(Duration.ofSeconds(30), settings.shutdownTimeout());
    assertEquals(Duration.ofMinutes(5), settings.stuckTaskTimeout());
    assertFalse(settings.tls().active(), "plaintext by default");
  }

  @Test
  void autoProvisioningIsOffForARealServer() {
    values.put(TemporalSettings.ADDRESS, "temporal.example.com:7233");

    assertFalse(load().provisions());
  }

  @ParameterizedTest
  @CsvSource({"10s, PT10S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "PT45S, PT45S"})
  void durationsAcceptUnitsAndIso8601(String value, String expected) {
    values.put(TemporalSettings.NEXUS_OPERATION_TIMEOUT, value);

    assertEquals(Duration.parse(expected), load().operationTimeout());
  }

  @ParameterizedTest
  @CsvSource({"ten seconds", "10", "-5s", "0s"})
  void malformedDurationNamesTheProperty(String value) {
    values.put(TemporalSettings.SHUTDOWN_TIMEOUT, value);

    InvalidSettingException error = invalid();
    assertEquals(TemporalSettings.SHUTDOWN_TIMEOUT, error.property());
    assertTrue(error.getMessage().contains("TEMPORAL_SHUTDOWN_TIMEOUT"), error.getMessage());
  }

  @Test
  void rolesAreParsedCaseInsensitively() {
    values.put(TemporalSettings.WORKERS, " Handler ");
    assertEquals(Set.of(Role.HANDLER), load().roles());

    values.put(TemporalSettings.WORKERS, "none");
    assertEquals(Set.of(), load().roles());
  }

  @Test
  void allowedOriginsAreALowerCasedListOfOrigins() {
    assertEquals(
        Set.of(), load().apiAccess().allowedOrigins(), "none by default: only the own origin");

    values.put(
        TemporalSettings.API_ALLOWED_ORIGINS, " https://App.Example.com , http://localhost:3000,");

    assertEquals(
        Set.of("https://app.example.com", "http://localhost:3000"),
        load().apiAccess().allowedOrigins());
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.example.com", "https://app.example.com/", "ftp://x", "*"})
  void anAllowedOriginThatIsNotAnOriginNamesTheProperty(String origin) {
    values.put(TemporalSettings.API_ALLOWED_ORIGINS, origin);

    assertEquals(TemporalSettings.API_ALLOWED_ORIGINS, invalid().property());
  }

  @Test
  void withNothingSetTheApiAuthenticatesNobodyAndServesOnlyLoopback() {
    ApiAccess access = load().apiAccess();

    assertEquals(ApiAccess.Authentication.NONE, access.authentication());
    assertFalse(access.allowAnonymous());
    assertTrue(access.serves("127.0.0.1"), "loopback");
    assertTrue(access.serves("0:0:0:0:0:0:0:1"), "IPv6 loopback");
    assertFalse(access.serves("10.1.2.3"), "another interface");
    assertFalse(access.anonymousBeyondLoopbackRefused(), "the listening host is not known");

    values.put(TemporalSettings.HTTP_HOST, "localhost");
    assertFalse(load().apiAccess().anonymousBeyondLoopbackRefused(), "localhost");
    values.put(TemporalSettings.HTTP_HOST, "*");
    assertTrue(load().apiAccess().anonymousBeyondLoopbackRefused(), "every interface");
    values.put(TemporalSettings.API_ALLOW_ANONYMOUS, "true");
    assertFalse(load().apiAccess().anonymousBeyondLoopbackRefused(), "said explicitly");
    assertTrue(load().apiAccess().serves("10.1.2.3"));
  }

  @Test
  void aJwtKeySwitchesTokensOnAndNeedsTheIssuer() {
    values.put(TemporalSettings.JWT_PUBLIC_KEY_LOCATION, "https://login.example.com/jwks");

    assertEquals(TemporalSettings.JWT_ISSUER, invalid().property(), "a key without its issuer");

    values.put(TemporalSettings.JWT_ISSUER, "https://login.example.com");
    ApiAccess access = load().apiAccess();
    assertEquals(ApiAccess.Authentication.TOKENS, access.authentication());
    assertEquals(TemporalSettings.JWT_PUBLIC_KEY_LOCATION, access.jwtKeySetting());
    assertTrue(access.serves("10.1.2.3"), "authenticated callers from anywhere");
  }

  @Test
  void authRequiredWithoutTokensLeavesAuthenticationToTheServer() {
    values.put(TemporalSettings.API_AUTH_REQUIRED, "true");

    assertEquals(ApiAccess.Authentication.SERVER, load().apiAccess().authentication());
  }

  @Test
  void trustedProxiesAreAddressesOrRangesNeverNames() {
    values.put(TemporalSettings.API_TRUSTED_PROXIES, "10.0.0.0/8, 192.168.1.7 ,fd00::/8");
    ApiAccess access = load().apiAccess();

    assertTrue(access.trustedProxies().get(0).contains("10.200.3.4"));
    assertFalse(access.trustedProxies().get(0).contains("11.0.0.1"));
    assertTrue(access.trustedProxies().get(1).contains("192.168.1.7"));
    assertFalse(access.trustedProxies().get(1).contains("192.168.1.8"));
    assertTrue(access.trustedProxies().get(2).contains("fd12:3456::1"));
    assertFalse(access.trustedProxies().get(2).contains("10.0.0.1"), "another family");

    for (String invalid :
        new String[] {"proxy.example.com", "10.0.0.0/33", "10.0.0", "1.2.3.4/x"}) {
      values.put(TemporalSettings.API_TRUSTED_PROXIES, invalid);
      assertEquals(TemporalSettings.API_TRUSTED_PROXIES, invalid().property(), invalid);
    }
  }

  @Test
  void publicOriginsGiveTheHostsTheApplicationAnswersTo() {
    values.put(
        TemporalSettings.API_PUBLIC_ORIGINS, "https://Nexus.Example.com, http://[fd00::5]:8080");
    ApiAccess access = load().apiAccess();

    assertTrue(access.isPublicHost("nexus.example.com"));
    assertTrue(access.isPublicHost("[fd00::5]"));
    assertFalse(access.isPublicHost("evil.example"));

    values.put(TemporalSettings.API_PUBLIC_ORIGINS, "nexus.example.com");
    assertEquals(TemporalSettings.API_PUBLIC_ORIGINS, invalid().property());
  }

  @Test
  void serviceEndpointsAreAMapOfServiceToEndpoint() {
    assertEquals(Map.of(), load().serviceEndpoints());

    values.put(TemporalSettings.NEXUS_SERVICE_ENDPOINTS, " billing=billing-ep , words=words_ep,");

    assertEquals(Map.of("billing", "billing-ep", "words", "words_ep"), load().serviceEndpoints());
  }

  @ParameterizedTest
  @ValueSource(strings = {"billing", "=billing-ep", "billing=", "billing=9lives"})
  void aMalformedServiceEndpointNamesTheProperty(String value) {
    values.put(TemporalSettings.NEXUS_SERVICE_ENDPOINTS, value);

    assertEquals(TemporalSettings.NEXUS_SERVICE_ENDPOINTS, invalid().property());
  }

  @Test
  void workersAreSizedAsTheSdkSizesThemUnlessTold() {
    TemporalSettings defaults = load();
    assertEquals(new WorkerTuning(200, 200, 5, 5), defaults.tuning(Role.CALLER));
    assertEquals(new WorkerTuning(200, 200, 5, 5), defaults.tuning(Role.HANDLER));
    assertEquals(600, defaults.workflowCacheSize());
    assertEquals(600, defaults.maxWorkflowThreads());
    assertEquals(Optional.empty(), defaults.workerIdentity());

    values.put("temporal.handler.nexus-pollers", "1");
    values.put("temporal.handler.max-concurrent-nexus-tasks", "16");
    values.put(TemporalSettings.WORKER_IDENTITY, "orders-worker-1");
    TemporalSettings tuned = load();
    assertEquals(new WorkerTuning(200, 16, 5, 1), tuned.tuning(Role.HANDLER));
    assertEquals(Optional.of("orders-worker-1"), tuned.workerIdentity());
  }

  @ParameterizedTest
  @CsvSource({
    "temporal.handler.workflow-pollers, 1",
    "temporal.caller.nexus-pollers, 0",
    "temporal.handler.max-concurrent-nexus-tasks, many",
    "temporal.caller.max-concurrent-workflow-tasks, 0",
    "temporal.worker.max-workflow-threads, 0",
    "temporal.worker.workflow-cache-size, -1"
  })
  void anInvalidWorkerSizeNamesTheProperty(String property, String value) {
    values.put(property, value);

    InvalidSettingException error = invalid();
    assertEquals(property, error.property());
    assertTrue(
        error.getMessage().contains("is not a whole number of at least"), error.getMessage());
  }

  @Test
  void unknownRoleNamesTheProperty() {
    values.put(TemporalSettings.WORKERS, "caller,worker");

    InvalidSettingException error = invalid();
    assertEquals(TemporalSettings.WORKERS, error.property());
    assertTrue(error.getMessage().contains("\"worker\""), error.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"localhost", "localhost:", "localhost:99999", "http://localhost:7233"})
  void malformedAddressNamesTheProperty(String address) {
    values.put(TemporalSettings.ADDRESS, address);

    assertEquals(TemporalSettings.ADDRESS, invalid().property());
  }

  @Test
  void certificateWithoutKeyNamesTheKeyProperty() throws IOException {
    values.put(TemporalSettings.ADDRESS, "localhost:7233");
    values.put(TemporalSettings.TLS_CLIENT_CERT_PATH, file("client.pem").toString());

    assertEquals(TemporalSettings.TLS_CLIENT_KEY_PATH, invalid().property());
  }

  @Test
  void keyWithoutCertificateNamesTheCertificateProperty() throws IOException {
    values.put(TemporalSettings.ADDRESS, "localhost:7233");
    values.put(TemporalSettings.TLS_CLIENT_KEY_PATH, file("client.key").toString());

    assertEquals(TemporalSettings.TLS_CLIENT_CERT_PATH, invalid().property());
  }

  @Test
  void apiKeyAndClientCertificateTogetherNameTheApiKey() throws IOException {
    values.put(TemporalSettings.ADDRESS, "localhost:7233");
    values.put(TemporalSettings.TLS_CLIENT_CERT_PATH, file("client.pem").toString());
    values.put(TemporalSettings.TLS_CLIENT_KEY_PATH, file("client.key").toString());
    values.put(TemporalSettings.API_KEY, "secret-key");

    InvalidSettingException error = invalid();
    assertEquals(TemporalSettings.API_KEY, error.property());
    assertFalse(error.getMessage().contains("secret-key"), "the key must not be in the message");
  }

  @Test
  void unreadableFileNamesItsProperty() {
    values.put(TemporalSettings.ADDRESS, "localhost:7233");
    values.put(TemporalSettings.TLS_SERVER_CA_CERT_PATH, files.resolve("missing.pem").toString());

    InvalidSettingException error = invalid();
    assertEquals(TemporalSettings.TLS_SERVER_CA_CERT_PATH, error.property());
    assertTrue(error.getMessage().contains("missing.pem"), error.getMessage());
  }

  @Test
  void tlsWithoutAddressNamesTheAddress() {
    values.put(TemporalSettings.TLS, "true");

    assertEquals(TemporalSettings.ADDRESS, invalid().property());
  }

  @Test
  void apiKeyImpliesTlsAndIsNeverDescribed() {
    values.put(TemporalSettings.ADDRESS, "example.tmprl.cloud:7233");
    values.put(TemporalSettings.API_KEY, "secret-key");

    TlsSettings tls = load().tls();
    assertTrue(tls.active(), "an API key implies TLS");
    assertEquals("TLS with API key", tls.describe());
    assertFalse(tls.toString().contains("secret-key"), "the key must not be printed");
  }

  @Test
  void missingSettingSaysWhereItsDefaultLives() {
    values.remove(TemporalSettings.CALLER_NAMESPACE);

    InvalidSettingException error = invalid();
    assertEquals(TemporalSettings.CALLER_NAMESPACE, error.property());
    assertTrue(
        error.getMessage().contains("META-INF/microprofile-config.properties"), error.getMessage());
  }

  @Test
  void invalidBooleanNamesTheProperty() {
    values.put(TemporalSettings.TLS_DISABLE_HOST_VERIFICATION, "yes");

    assertEquals(TemporalSettings.TLS_DISABLE_HOST_VERIFICATION, invalid().property());
  }

  @Test
  void invalidProvisionValueNamesTheProperty() {
    values.put(TemporalSettings.PROVISION, "sometimes");

    assertEquals(TemporalSettings.PROVISION, invalid().property());
  }

  @Test
  void invalidPortNamesTheProperty() {
    values.put(TemporalSettings.EMBEDDED_PORT, "70000");

    assertEquals(TemporalSettings.EMBEDDED_PORT, invalid().property());
  }

  private Path file(String name) throws IOException {
    return Files.writeString(files.resolve(name), "not a real certificate");
  }
}
