package io.nexusliberty.temporal;

/**
 * Reads the TLS and API key settings, checks that they fit together, and loads the certificate and
 * key files once, so that an unusable one stops the deployment naming its property.
 */
final class TlsSettingsReader {

  private TlsSettingsReader() {}

  static TlsSettings read(SettingsReader reader, boolean remote) {
    TlsSettings tls =
        new TlsSettings(
            reader.bool(TemporalSettings.TLS),
            reader.optional(TemporalSettings.API_KEY).orElse(null),
            reader.readableFile(TemporalSettings.TLS_CLIENT_CERT_PATH),
            reader.readableFile(TemporalSettings.TLS_CLIENT_KEY_PATH),
            reader.readableFile(TemporalSettings.TLS_SERVER_CA_CERT_PATH),
            reader.optional(TemporalSettings.TLS_SERVER_NAME).orElse(null),
            reader.bool(TemporalSettings.TLS_DISABLE_HOST_VERIFICATION));
    if (tls.clientCertPath() != null && tls.clientKeyPath() == null) {
      throw new InvalidSettingException(
          TemporalSettings.TLS_CLIENT_KEY_PATH,
          "not set, but " + TemporalSettings.TLS_CLIENT_CERT_PATH + " is: set both or neither");
    }
    if (tls.clientKeyPath() != null && tls.clientCertPath() == null) {
      throw new InvalidSettingException(
          TemporalSettings.TLS_CLIENT_CERT_PATH,
          "not set, but " + TemporalSettings.TLS_CLIENT_KEY_PATH + " is: set both or neither");
    }
    if (tls.apiKey() != null && tls.clientCertPath() != null) {
      throw new InvalidSettingException(
          TemporalSettings.API_KEY,
          "set together with "
              + TemporalSettings.TLS_CLIENT_CERT_PATH
              + ": authenticate with an API key or a client certificate, not both");
    }
    if (tls.active() && !remote) {
      throw new InvalidSettingException(
          TemporalSettings.ADDRESS,
          "not set, so the embedded server (plaintext) would be used, but TemporalSettings.TLS or an API key is"
              + " configured: set "
              + TemporalSettings.ADDRESS
              + " to the server those settings are for");
    }
    // Builds the TemporalSettings.TLS context once to find unusable certificates and keys now, at
    // deployment.
    TlsContextFactory.create(tls);
    return tls;
  }
}
