package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.settings.SettingsReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the TLS and API key settings, checks that they fit together, and loads the certificate and
 * key files (or their inline contents) once, so that an unusable one stops the deployment naming
 * its property.
 */
final class TlsSettingsReader {

  private TlsSettingsReader() {}

  static TlsSettings read(SettingsReader reader, boolean remote) {
    TlsSettings tls =
        new TlsSettings(
            reader.bool(SettingNames.TLS),
            reader.optional(SettingNames.API_KEY).orElse(null),
            pem(reader, SettingNames.TLS_CLIENT_CERT_PATH, SettingNames.TLS_CLIENT_CERT_DATA),
            pem(reader, SettingNames.TLS_CLIENT_KEY_PATH, SettingNames.TLS_CLIENT_KEY_DATA),
            pem(reader, SettingNames.TLS_SERVER_CA_CERT_PATH, SettingNames.TLS_SERVER_CA_CERT_DATA),
            reader.optional(SettingNames.TLS_SERVER_NAME).orElse(null),
            reader.bool(SettingNames.TLS_DISABLE_HOST_VERIFICATION));
    requireBoth(
        tls.clientCert(),
        tls.clientKey(),
        SettingNames.TLS_CLIENT_KEY_PATH,
        SettingNames.TLS_CLIENT_KEY_DATA);
    requireBoth(
        tls.clientKey(),
        tls.clientCert(),
        SettingNames.TLS_CLIENT_CERT_PATH,
        SettingNames.TLS_CLIENT_CERT_DATA);
    if (tls.apiKey() != null && tls.clientCert() != null) {
      throw new InvalidSettingException(
          SettingNames.API_KEY,
          "set together with "
              + tls.clientCert().property()
              + ": authenticate with an API key or a client certificate, not both");
    }
    if (tls.active() && !remote) {
      throw new InvalidSettingException(
          SettingNames.ADDRESS,
          "not set, so the embedded server (plaintext) would be used, but TLS or an API key is"
              + " configured: set "
              + SettingNames.ADDRESS
              + " to the server those settings are for");
    }
    // Builds the TLS context once to find unusable certificates and keys now, at
    // deployment.
    TlsContextFactory.create(tls);
    return tls;
  }

  /** The client certificate and its key go together: one given, the other must be too. */
  private static void requireBoth(
      Pem given, Pem other, String otherPathProperty, String otherDataProperty) {
    if (given != null && other == null) {
      throw new InvalidSettingException(
          otherPathProperty,
          "not set (nor "
              + otherDataProperty
              + "), but "
              + given.property()
              + " is: give the client certificate and its key, or neither");
    }
  }

  /**
   * A certificate or key given as a file or inline, read now; null when neither is set.
   *
   * @throws InvalidSettingException when both are set, or the file cannot be read
   */
  private static Pem pem(SettingsReader reader, String pathProperty, String dataProperty) {
    Path path = reader.readableFile(pathProperty);
    Optional<String> data = reader.optional(dataProperty);
    if (path != null && data.isPresent()) {
      throw new InvalidSettingException(
          dataProperty, "set together with " + pathProperty + ": give the file or its contents");
    }
    if (data.isPresent()) {
      return new Pem(dataProperty, null, data.get().getBytes(StandardCharsets.US_ASCII));
    }
    if (path == null) {
      return null;
    }
    try {
      return new Pem(pathProperty, path.toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new InvalidSettingException(
          pathProperty, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
