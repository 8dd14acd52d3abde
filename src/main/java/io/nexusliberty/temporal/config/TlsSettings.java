package io.nexusliberty.temporal.config;

/**
 * How the connection to the Temporal frontend is secured: TLS, mutual TLS with a client
 * certificate, or an API key over TLS (Temporal Cloud).
 *
 * @param enabled {@code temporal.tls}
 * @param apiKey {@code temporal.api-key}, or null
 * @param clientCert {@code temporal.tls.client-cert-path} or {@code -data}, or null
 * @param clientKey {@code temporal.tls.client-key-path} or {@code -data}, or null
 * @param serverCaCert {@code temporal.tls.server-ca-cert-path} or {@code -data}, or null
 * @param serverName {@code temporal.tls.server-name}, or null
 * @param disableHostVerification {@code temporal.tls.disable-host-verification}
 */
public record TlsSettings(
    boolean enabled,
    String apiKey,
    Pem clientCert,
    Pem clientKey,
    Pem serverCaCert,
    String serverName,
    boolean disableHostVerification) {

  /** Whether the connection uses TLS at all: asked for, or implied by a key, certificate or CA. */
  public boolean active() {
    return enabled || apiKey != null || clientCert != null || serverCaCert != null;
  }

  /** Whether a client certificate is presented (mutual TLS). */
  public boolean mutual() {
    return clientCert != null;
  }

  /** A description for logs and answers; never contains the key itself. */
  public String describe() {
    if (!active()) {
      return "plaintext";
    }
    StringBuilder description = new StringBuilder(mutual() ? "mutual TLS" : "TLS");
    if (apiKey != null) {
      description.append(" with API key");
    }
    if (serverCaCert != null) {
      description.append(", CA ").append(serverCaCert.origin());
    }
    if (serverName != null) {
      description.append(", server name ").append(serverName);
    }
    if (disableHostVerification) {
      description.append(", server certificate NOT verified");
    }
    return description.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
