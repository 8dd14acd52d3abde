package io.nexusliberty.temporal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.Role;
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
    values.put(SettingNames.ADDRESS, "temporal.example.com:7233");

    assertFalse(load().provisions());
  }

  @ParameterizedTest
  @CsvSource({"10s, PT10S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "PT45S, PT45S"})
  void durationsAcceptUnitsAndIso8601(String value, String expected) {
    values.put(SettingNames.NEXUS_OPERATION_TIMEOUT, value);

    assertEquals(Duration.parse(expected), load().operationTimeout());
  }

  @ParameterizedTest
  @CsvSource({"ten seconds", "10", "-5s", "0s"})
  void malformedDurationNamesTheProperty(String value) {
    values.put(SettingNames.SHUTDOWN_TIMEOUT, value);

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.SHUTDOWN_TIMEOUT, error.property());
    assertTrue(error.getMessage().contains("TEMPORAL_SHUTDOWN_TIMEOUT"), error.getMessage());
  }

  @Test
  void rolesAreParsedCaseInsensitively() {
    values.put(SettingNames.WORKERS, " Handler ");
    assertEquals(Set.of(Role.HANDLER), load().roles());

    values.put(SettingNames.WORKERS, "none");
    assertEquals(Set.of(), load().roles());
  }

  @Test
  void serviceEndpointsAreAMapOfServiceToEndpoint() {
    assertEquals(Map.of(), load().serviceEndpoints());

    values.put(SettingNames.NEXUS_SERVICE_ENDPOINTS, " billing=billing-ep , words=words_ep,");

    assertEquals(Map.of("billing", "billing-ep", "words", "words_ep"), load().serviceEndpoints());
  }

  @ParameterizedTest
  @ValueSource(strings = {"billing", "=billing-ep", "billing=", "billing=9lives"})
  void aMalformedServiceEndpointNamesTheProperty(String value) {
    values.put(SettingNames.NEXUS_SERVICE_ENDPOINTS, value);

    assertEquals(SettingNames.NEXUS_SERVICE_ENDPOINTS, invalid().property());
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
    values.put(SettingNames.WORKER_IDENTITY, "orders-worker-1");
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
    values.put(SettingNames.WORKERS, "caller,worker");

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.WORKERS, error.property());
    assertTrue(error.getMessage().contains("\"worker\""), error.getMessage());
  }

  @Test
  void workersAreUnversionedUnlessADeploymentIsNamed() {
    values.put(SettingNames.ADDRESS, "localhost:7233");

    TemporalSettings settings = load();
    assertEquals(Optional.empty(), settings.versioning(Role.CALLER));
    assertEquals(Optional.empty(), settings.versioning(Role.HANDLER));
    assertFalse(settings.versioningIgnored());
  }

  @Test
  void aVersionAppliesToEveryRoleAndARoleMayOverrideIt() {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.WORKER_DEPLOYMENT_NAME, "hello");
    values.put(SettingNames.WORKER_BUILD_ID, "1.0.0");
    values.put("temporal.handler.build-id", "1.0.1");
    values.put("temporal.handler.versioning-behavior", "auto-upgrade");
    values.put(SettingNames.WORKER_PROMOTE, "true");

    TemporalSettings settings = load();
    assertEquals(
        Optional.of(new WorkerVersioning("hello", "1.0.0", WorkerVersioning.Behavior.PINNED, true)),
        settings.versioning(Role.CALLER));
    assertEquals(
        Optional.of(
            new WorkerVersioning("hello", "1.0.1", WorkerVersioning.Behavior.AUTO_UPGRADE, true)),
        settings.versioning(Role.HANDLER));
  }

  @Test
  void theEmbeddedServerRunsConfiguredVersionsUnversioned() {
    values.put(SettingNames.WORKER_DEPLOYMENT_NAME, "hello");
    values.put(SettingNames.WORKER_BUILD_ID, "1");

    TemporalSettings settings = load();
    assertEquals(Optional.empty(), settings.versioning(Role.HANDLER));
    assertTrue(settings.versioningIgnored());
  }

  @ParameterizedTest
  @CsvSource({"temporal.worker.deployment-name", "temporal.handler.deployment-name"})
  void aDeploymentWithoutABuildIdNamesTheBuildId(String property) {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(property, "hello");

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.WORKER_BUILD_ID, error.property());
    assertTrue(error.getMessage().contains(property), error.getMessage());
  }

  @Test
  void aBuildIdAloneLeavesTheWorkersUnversioned() {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.WORKER_BUILD_ID, "1.0.0");

    assertEquals(Optional.empty(), load().versioning(Role.HANDLER));
  }

  @ParameterizedTest
  @CsvSource({
    "temporal.worker.deployment-name, hello.v2",
    "temporal.handler.versioning-behavior, sticky",
    "temporal.worker.promote, yes"
  })
  void aMalformedVersioningSettingNamesTheProperty(String property, String value) {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.WORKER_DEPLOYMENT_NAME, "hello");
    values.put(SettingNames.WORKER_BUILD_ID, "1");
    values.put(property, value);

    assertEquals(property, invalid().property());
  }

  @ParameterizedTest
  @CsvSource({"localhost", "localhost:", "localhost:99999", "http://localhost:7233"})
  void malformedAddressNamesTheProperty(String address) {
    values.put(SettingNames.ADDRESS, address);

    assertEquals(SettingNames.ADDRESS, invalid().property());
  }

  @Test
  void certificateWithoutKeyNamesTheKeyProperty() throws IOException {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.TLS_CLIENT_CERT_PATH, file("client.pem").toString());

    assertEquals(SettingNames.TLS_CLIENT_KEY_PATH, invalid().property());
  }

  @Test
  void keyWithoutCertificateNamesTheCertificateProperty() throws IOException {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.TLS_CLIENT_KEY_PATH, file("client.key").toString());

    assertEquals(SettingNames.TLS_CLIENT_CERT_PATH, invalid().property());
  }

  @Test
  void apiKeyAndClientCertificateTogetherNameTheApiKey() throws IOException {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.TLS_CLIENT_CERT_PATH, file("client.pem").toString());
    values.put(SettingNames.TLS_CLIENT_KEY_PATH, file("client.key").toString());
    values.put(SettingNames.API_KEY, "secret-key");

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.API_KEY, error.property());
    assertFalse(error.getMessage().contains("secret-key"), "the key must not be in the message");
  }

  @Test
  void unreadableFileNamesItsProperty() {
    values.put(SettingNames.ADDRESS, "localhost:7233");
    values.put(SettingNames.TLS_SERVER_CA_CERT_PATH, files.resolve("missing.pem").toString());

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.TLS_SERVER_CA_CERT_PATH, error.property());
    assertTrue(error.getMessage().contains("missing.pem"), error.getMessage());
  }

  @Test
  void tlsWithoutAddressNamesTheAddress() {
    values.put(SettingNames.TLS, "true");

    assertEquals(SettingNames.ADDRESS, invalid().property());
  }

  @Test
  void apiKeyImpliesTlsAndIsNeverDescribed() {
    values.put(SettingNames.ADDRESS, "example.tmprl.cloud:7233");
    values.put(SettingNames.API_KEY, "secret-key");

    TlsSettings tls = load().tls();
    assertTrue(tls.active(), "an API key implies TLS");
    assertEquals("TLS with API key", tls.describe());
    assertFalse(tls.toString().contains("secret-key"), "the key must not be printed");
  }

  @Test
  void missingSettingSaysWhereItsDefaultLives() {
    values.remove(SettingNames.CALLER_NAMESPACE);

    InvalidSettingException error = invalid();
    assertEquals(SettingNames.CALLER_NAMESPACE, error.property());
    assertTrue(
        error.getMessage().contains("META-INF/microprofile-config.properties"), error.getMessage());
  }

  @Test
  void invalidBooleanNamesTheProperty() {
    values.put(SettingNames.TLS_DISABLE_HOST_VERIFICATION, "yes");

    assertEquals(SettingNames.TLS_DISABLE_HOST_VERIFICATION, invalid().property());
  }

  @Test
  void invalidProvisionValueNamesTheProperty() {
    values.put(SettingNames.PROVISION, "sometimes");

    assertEquals(SettingNames.PROVISION, invalid().property());
  }

  @Test
  void invalidPortNamesTheProperty() {
    values.put(SettingNames.EMBEDDED_PORT, "70000");

    assertEquals(SettingNames.EMBEDDED_PORT, invalid().property());
  }

  private Path file(String name) throws IOException {
    return Files.writeString(files.resolve(name), "not a real certificate");
  }
}
