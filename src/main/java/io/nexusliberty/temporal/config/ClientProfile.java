package io.nexusliberty.temporal.config;

import io.grpc.Metadata;
import io.nexusliberty.settings.InvalidSettingException;
import io.temporal.envconfig.ClientConfig;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigOptions;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Temporal's own client configuration, read as the Temporal CLI reads it: a profile of a {@code
 * temporal.toml} file ({@code TEMPORAL_CONFIG_FILE}, {@code TEMPORAL_PROFILE}) with the {@code
 * TEMPORAL_*} environment variables over it. It offers values for this application's settings, by
 * their names; {@link LayeredSettings} ranks them.
 */
final class ClientProfile {

  /** The value of {@code temporal.config-file} that reads no file, only the variables. */
  static final String NO_FILE = "none";

  private static final String CONFIG_FILE_VAR = "TEMPORAL_CONFIG_FILE";
  private static final String PROFILE_VAR = "TEMPORAL_PROFILE";
  private static final String DEFAULT_PROFILE = "default";

  /** Nothing: for a start that ignores Temporal's client configuration. */
  static final ClientProfile NONE = new ClientProfile(null, Map.of(), null, Map.of());

  private final String source;
  private final Map<String, String> values;
  private final String namespace;
  private final Map<String, String> grpcMetadata;

  private ClientProfile(
      String source,
      Map<String, String> values,
      String namespace,
      Map<String, String> grpcMetadata) {
    this.source = source;
    this.values = values;
    this.namespace = namespace;
    this.grpcMetadata = grpcMetadata;
  }

  /**
   * Reads the profile.
   *
   * @param configFile {@code temporal.config-file}: the file, {@value #NO_FILE}, or empty for
   *     {@code TEMPORAL_CONFIG_FILE} and then the CLI's default file (read only if it exists)
   * @param profileName {@code temporal.profile}, or empty for {@code TEMPORAL_PROFILE} and then
   *     {@code default}
   * @param environment the process environment
   * @throws InvalidSettingException naming {@code temporal.config-file} or {@code temporal.profile}
   *     when the file cannot be read or has no such profile
   */
  static ClientProfile load(
      Optional<String> configFile, Optional<String> profileName, Map<String, String> environment) {
    boolean noFile = configFile.filter(NO_FILE::equalsIgnoreCase).isPresent();
    String file = noFile ? null : configFile.orElse(nonEmpty(environment.get(CONFIG_FILE_VAR)));
    if (file != null && !Files.isReadable(Path.of(file))) {
      throw new InvalidSettingException(
          SettingNames.CONFIG_FILE,
          "cannot read the file \""
              + Path.of(file).toAbsolutePath()
              + "\" (set "
              + NO_FILE
              + " to read no file)");
    }
    String profile =
        profileName.orElse(
            Optional.ofNullable(nonEmpty(environment.get(PROFILE_VAR))).orElse(DEFAULT_PROFILE));
    boolean profileNamed = !profile.equals(DEFAULT_PROFILE);
    ClientConfig config = noFile ? ClientConfig.getDefaultInstance() : readFile(file, environment);
    ClientConfigProfile fromFile = config.getProfiles().get(profile);
    if (fromFile == null && profileNamed) {
      throw new InvalidSettingException(
          SettingNames.PROFILE,
          "no profile \""
              + profile
              + "\" in "
              + (file != null ? "\"" + file + "\"" : "Temporal's client configuration file")
              + "; it has "
              + (config.getProfiles().isEmpty()
                  ? "none"
                  : new TreeSet<>(config.getProfiles().keySet())));
    }
    ClientConfigProfile loaded;
    try {
      loaded =
          ClientConfigProfile.load(
              LoadClientConfigProfileOptions.newBuilder()
                  .setConfigFilePath(file)
                  // The default profile only when named: envconfig then reads none where there
                  // is none (no file, or a file of other profiles), as the CLI does.
                  .setConfigFileProfile(profileNamed ? profile : null)
                  .setDisableFile(noFile)
                  .setEnvOverrides(environment)
                  .build());
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettingException(
          SettingNames.CONFIG_FILE, "cannot read Temporal's client configuration: " + e, e);
    }
    Map<String, String> values = valuesOf(loaded);
    Map<String, String> metadata = metadataOf(loaded.getMetadata());
    String namespace = nonEmpty(loaded.getNamespace());
    if (values.isEmpty() && metadata.isEmpty() && namespace == null) {
      return NONE;
    }
    String where =
        fromFile != null
            ? "profile \"" + profile + "\" of " + describeFile(file) + " and TEMPORAL_* variables"
            : "TEMPORAL_* environment variables";
    return new ClientProfile(where, values, namespace, metadata);
  }

  /** Where the values came from, such as {@code profile "prod" of /etc/temporal.toml}; or null. */
  String source() {
    return source;
  }

  /** The value the profile gives a setting of this application, if any. */
  Optional<String> value(String property) {
    return Optional.ofNullable(values.get(property));
  }

  /** The namespace the profile names, if any. */
  Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** gRPC metadata to send with every call ({@code grpc_meta}, {@code TEMPORAL_GRPC_META_*}). */
  Map<String, String> grpcMetadata() {
    return grpcMetadata;
  }

  private static ClientConfig readFile(String file, Map<String, String> environment) {
    try {
      return ClientConfig.load(
          LoadClientConfigOptions.newBuilder()
              .setConfigFilePath(file)
              .setEnvOverrides(environment)
              .build());
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidSettingException(
          SettingNames.CONFIG_FILE,
          describeFile(file) + " is not a Temporal client configuration (TOML): " + e.getMessage(),
          e);
    }
  }

  private static String describeFile(String file) {
    return file != null ? file : "Temporal's default client configuration file";
  }

  private static Map<String, String> valuesOf(ClientConfigProfile profile) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, SettingNames.ADDRESS, profile.getAddress());
    put(values, SettingNames.API_KEY, profile.getApiKey());
    ClientConfigTLS tls = profile.getTls();
    if (tls != null) {
      values.put(SettingNames.TLS, String.valueOf(!Boolean.TRUE.equals(tls.isDisabled())));
      put(values, SettingNames.TLS_CLIENT_CERT_PATH, tls.getClientCertPath());
      put(values, SettingNames.TLS_CLIENT_CERT_DATA, text(tls.getClientCertData()));
      put(values, SettingNames.TLS_CLIENT_KEY_PATH, tls.getClientKeyPath());
      put(values, SettingNames.TLS_CLIENT_KEY_DATA, text(tls.getClientKeyData()));
      put(values, SettingNames.TLS_SERVER_CA_CERT_PATH, tls.getServerCACertPath());
      put(values, SettingNames.TLS_SERVER_CA_CERT_DATA, text(tls.getServerCACertData()));
      put(values, SettingNames.TLS_SERVER_NAME, tls.getServerName());
      if (tls.isDisableHostVerification() != null) {
        values.put(
            SettingNames.TLS_DISABLE_HOST_VERIFICATION,
            String.valueOf(tls.isDisableHostVerification()));
      }
    }
    return Collections.unmodifiableMap(values);
  }

  private static Map<String, String> metadataOf(Metadata metadata) {
    Map<String, String> entries = new TreeMap<>();
    if (metadata != null) {
      for (String key : metadata.keys()) {
        if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          String value = metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
          if (value != null) {
            entries.put(key, value);
          }
        }
      }
    }
    return Collections.unmodifiableMap(entries);
  }

  private static void put(Map<String, String> values, String property, String value) {
    String present = nonEmpty(value);
    if (present != null) {
      values.put(property, present);
    }
  }

  private static String text(byte[] data) {
    return data == null || data.length == 0 ? null : new String(data, StandardCharsets.US_ASCII);
  }

  private static String nonEmpty(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
