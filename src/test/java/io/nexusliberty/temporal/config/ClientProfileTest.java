package io.nexusliberty.temporal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.settings.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal's client configuration (a {@code temporal.toml} profile and the {@code TEMPORAL_*}
 * variables, read by the SDK's envconfig module) beneath the deployment's own settings and above
 * the WAR's defaults.
 */
class ClientProfileTest {

  @TempDir static Path files;

  /** A real self-signed certificate, made with the JDK's keytool. */
  private static String certificate;

  private final Map<String, String> configured = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  @BeforeAll
  static void makeCertificate() throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path store = files.resolve("ca.p12");
    run(
        keytool.toString(),
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=test-ca",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit");
    Path pem = files.resolve("ca.pem");
    run(
        keytool.toString(),
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    certificate = Files.readString(pem, StandardCharsets.US_ASCII);
  }

  private TemporalSettings load() {
    Map<String, String> defaults = WarDefaults.load();
    return TemporalSettings.load(
        name -> Optional.ofNullable(configured.get(name)),
        name -> Optional.ofNullable(defaults.get(name)),
        environment);
  }

  private InvalidSettingException invalid() {
    return assertThrows(InvalidSettingException.class, this::load);
  }

  private Path toml(String content) throws IOException {
    return Files.writeString(Files.createTempFile(files, "temporal", ".toml"), content);
  }

  @Test
  void aProfileSuppliesAddressNamespaceTlsAndApiKey() throws IOException {
    Path file =
        toml(
            """
            [profile.default]
            address = "localhost:7233"

            [profile.prod]
            address = "prod.example.com:7233"
            namespace = "orders"
            api_key = "profile-secret"

            [profile.prod.tls]
            server_name = "prod.internal"
            """);
    configured.put(SettingNames.CONFIG_FILE, file.toString());
    configured.put(SettingNames.PROFILE, "prod");

    TemporalSettings settings = load();

    assertEquals("prod.example.com:7233", settings.address());
    assertEquals("orders", settings.callerNamespace(), "the profile's namespace is the caller's");
    assertEquals("my-target-namespace", settings.handlerNamespace());
    assertEquals("profile-secret", settings.tls().apiKey());
    assertEquals("prod.internal", settings.tls().serverName());
    assertTrue(settings.tls().active());
    assertEquals(
        Optional.of("profile \"prod\" of " + file + " and TEMPORAL_* variables"),
        settings.clientProfile());
  }

  @Test
  void theDeploymentsOwnSettingsWinOverTheProfile() throws IOException {
    Path file =
        toml(
            """
            [profile.default]
            address = "profile.example.com:7233"
            namespace = "profile-namespace"
            """);
    configured.put(SettingNames.CONFIG_FILE, file.toString());
    configured.put(SettingNames.ADDRESS, "mine.example.com:7233");
    configured.put(SettingNames.CALLER_NAMESPACE, "my-namespace");

    TemporalSettings settings = load();

    assertEquals("mine.example.com:7233", settings.address());
    assertEquals("my-namespace", settings.callerNamespace());
  }

  @Test
  void theEnvironmentNamesTheFileAndTheProfileAsTheCliReadsThem() throws IOException {
    Path file =
        toml(
            """
            [profile.staging]
            address = "staging.example.com:7233"
            """);
    environment.put("TEMPORAL_CONFIG_FILE", file.toString());
    environment.put("TEMPORAL_PROFILE", "staging");

    assertEquals("staging.example.com:7233", load().address());
  }

  @Test
  void aDeploymentOfTheHandlerAloneTakesTheProfilesNamespaceForTheHandler() throws IOException {
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    configured.put(SettingNames.WORKERS, "handler");
    environment.put("TEMPORAL_NAMESPACE", "payments");

    TemporalSettings settings = load();

    assertEquals("payments", settings.handlerNamespace());
    assertEquals("my-caller-namespace", settings.callerNamespace());
  }

  @Test
  void aMissingProfileNamesTheSettingAndTheProfilesThereAre() throws IOException {
    configured.put(
        SettingNames.CONFIG_FILE,
        toml("[profile.a]\naddress = \"a:7233\"\n[profile.b]\naddress = \"b:7233\"\n").toString());
    configured.put(SettingNames.PROFILE, "c");

    InvalidSettingException error = invalid();

    assertEquals(SettingNames.PROFILE, error.property());
    assertTrue(error.getMessage().contains("no profile \"c\""), error.getMessage());
    assertTrue(error.getMessage().contains("[a, b]"), error.getMessage());
  }

  @Test
  void aMissingFileNamesTheSetting() {
    environment.put("TEMPORAL_CONFIG_FILE", files.resolve("absent.toml").toString());

    InvalidSettingException error = invalid();

    assertEquals(SettingNames.CONFIG_FILE, error.property());
    assertTrue(error.getMessage().contains("absent.toml"), error.getMessage());
  }

  @Test
  void aFileThatIsNotTomlNamesTheSetting() throws IOException {
    configured.put(SettingNames.CONFIG_FILE, toml("[profile.default\naddress = ").toString());

    InvalidSettingException error = invalid();

    assertEquals(SettingNames.CONFIG_FILE, error.property());
    assertTrue(error.getMessage().contains("TOML"), error.getMessage());
  }

  @Test
  void withoutTheCliDefaultFileTheApplicationRunsOnItsOwnSettings() {
    // As on a machine where nobody wrote a temporal.toml (the CLI may have made its directory).
    String home = System.getProperty("user.home");
    System.setProperty("user.home", files.toString());
    try {
      Files.createDirectories(files.resolve(".config/temporalio"));

      TemporalSettings settings = load();

      assertTrue(settings.embedded());
      assertEquals(Optional.empty(), settings.clientProfile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void aFileWithoutTheDefaultProfileIsNotAnErrorWhenNoProfileIsNamed() throws IOException {
    configured.put(
        SettingNames.CONFIG_FILE, toml("[profile.prod]\naddress = \"prod:7233\"\n").toString());

    TemporalSettings settings = load();

    assertTrue(settings.embedded());
    assertEquals(Optional.empty(), settings.clientProfile());
  }

  @Test
  void noneReadsNoFile() {
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    environment.put("TEMPORAL_CONFIG_FILE", files.resolve("absent.toml").toString());

    TemporalSettings settings = load();

    assertTrue(settings.embedded());
    assertEquals(Optional.empty(), settings.clientProfile());
  }

  @Test
  void certificatesGivenInlineInTheEnvironmentAreUsed() {
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    environment.put("TEMPORAL_ADDRESS", "remote.example.com:7233");
    environment.put("TEMPORAL_TLS_SERVER_CA_CERT_DATA", certificate);

    TlsSettings tls = load().tls();

    assertNull(tls.serverCaCert().file(), "given inline");
    assertEquals(
        certificate.strip(), new String(tls.serverCaCert().content(), StandardCharsets.US_ASCII));
    assertEquals("TLS, CA inline (" + SettingNames.TLS_SERVER_CA_CERT_DATA + ")", tls.describe());
  }

  @Test
  void certificatesGivenInlineInTheFileAreUsed() throws IOException {
    configured.put(
        SettingNames.CONFIG_FILE,
        toml("""
                [profile.default]
                address = "remote.example.com:7233"
                [profile.default.tls]
                server_ca_cert_data = \"""
                %s\"""
                """
                .formatted(certificate))
            .toString());

    TlsSettings tls = load().tls();

    assertTrue(
        new String(tls.serverCaCert().content(), StandardCharsets.US_ASCII)
            .contains("BEGIN CERTIFICATE"));
  }

  @Test
  void aCertificateFileSetByTheDeploymentHidesTheProfilesInlineOne() throws IOException {
    Path ca = Files.writeString(files.resolve("deployment-ca.pem"), certificate);
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    configured.put(SettingNames.TLS_SERVER_CA_CERT_PATH, ca.toString());
    environment.put("TEMPORAL_ADDRESS", "remote.example.com:7233");
    environment.put("TEMPORAL_TLS_SERVER_CA_CERT_DATA", "not a certificate");

    assertEquals(ca.toString(), load().tls().serverCaCert().file());
  }

  @Test
  void aCertificateGivenBothWaysByTheDeploymentNamesTheInlineSetting() throws IOException {
    Path ca = Files.writeString(files.resolve("both-ca.pem"), certificate);
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    configured.put(SettingNames.ADDRESS, "remote.example.com:7233");
    configured.put(SettingNames.TLS_SERVER_CA_CERT_PATH, ca.toString());
    configured.put(SettingNames.TLS_SERVER_CA_CERT_DATA, certificate);

    assertEquals(SettingNames.TLS_SERVER_CA_CERT_DATA, invalid().property());
  }

  @Test
  void anInlineValueThatIsNotPemNamesItsSetting() {
    configured.put(SettingNames.CONFIG_FILE, ClientProfile.NO_FILE);
    environment.put("TEMPORAL_ADDRESS", "remote.example.com:7233");
    environment.put("TEMPORAL_TLS_SERVER_CA_CERT_DATA", "not a certificate");

    InvalidSettingException error = invalid();

    assertEquals(SettingNames.TLS_SERVER_CA_CERT_DATA, error.property());
    assertTrue(
        error.getMessage().contains("the value comes from TEMPORAL_* environment variables"),
        error.getMessage());
  }

  @Test
  void aBadValueInTheProfileSaysWhereItCameFrom() throws IOException {
    Path file = toml("[profile.default]\naddress = \"no port here\"\n");
    configured.put(SettingNames.CONFIG_FILE, file.toString());

    InvalidSettingException error = invalid();

    assertEquals(SettingNames.ADDRESS, error.property());
    assertTrue(
        error.getMessage().contains("the value comes from profile \"default\" of " + file),
        error.getMessage());
  }

  @Test
  void grpcMetadataComesFromTheFileAndTheEnvironment() throws IOException {
    configured.put(
        SettingNames.CONFIG_FILE,
        toml("""
                [profile.default]
                address = "remote.example.com:7233"
                [profile.default.grpc_meta]
                x-region = "eu-west"
                """)
            .toString());
    environment.put("TEMPORAL_GRPC_META_X_TENANT", "acme");

    assertEquals(Map.of("x-region", "eu-west", "x-tenant", "acme"), load().grpcMetadata());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
