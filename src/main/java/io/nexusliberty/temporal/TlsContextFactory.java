package io.nexusliberty.temporal;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of the connection from {@link TlsSettings}, turning any unreadable
 * certificate or key into an {@link InvalidSettingException} that names the file's property.
 */
final class TlsContextFactory {

  private TlsContextFactory() {}

  /** The TLS context for these settings, or null when the system's default TLS will do. */
  static SslContext create(TlsSettings tls) {
    if (!tls.active()
        || (!tls.mutual() && tls.serverCaCertPath() == null && !tls.disableHostVerification())) {
      return null;
    }
    SimpleSslContextBuilder builder =
        tls.mutual() ? withClientCertificate(tls) : SimpleSslContextBuilder.noKeyOrCertChain();
    if (tls.serverCaCertPath() != null) {
      builder.setTrustManager(trustManagerFor(tls.serverCaCertPath()));
    }
    builder.setUseInsecureTrustManager(tls.disableHostVerification());
    try {
      // Also built at deployment (TemporalSettings), so that a key or certificate that cannot be
      // read, such as a key not in PKCS#8, stops deployment instead of the first connection.
      return builder.build();
    } catch (IOException | RuntimeException e) {
      if (tls.mutual()) {
        throw new InvalidSettingException(
            TemporalSettings.TLS_CLIENT_KEY_PATH,
            "cannot use it with the certificate of "
                + TemporalSettings.TLS_CLIENT_CERT_PATH
                + " (a PEM PKCS#8 private key matching the certificate is needed): "
                + e.getMessage(),
            e);
      }
      throw new InvalidSettingException(
          TemporalSettings.TLS_SERVER_CA_CERT_PATH,
          "cannot build a TLS context from it: " + e.getMessage(),
          e);
    }
  }

  private static SimpleSslContextBuilder withClientCertificate(TlsSettings tls) {
    byte[] certificate = read(TemporalSettings.TLS_CLIENT_CERT_PATH, tls.clientCertPath());
    byte[] key = read(TemporalSettings.TLS_CLIENT_KEY_PATH, tls.clientKeyPath());
    requirePem(TemporalSettings.TLS_CLIENT_CERT_PATH, certificate, "CERTIFICATE");
    requirePem(TemporalSettings.TLS_CLIENT_KEY_PATH, key, "PRIVATE KEY");
    return SimpleSslContextBuilder.forPKCS8(stream(certificate), stream(key));
  }

  private static TrustManager trustManagerFor(Path caCertPath) {
    String property = TemporalSettings.TLS_SERVER_CA_CERT_PATH;
    byte[] pem = read(property, caCertPath);
    requirePem(property, pem, "CERTIFICATE");
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(stream(pem));
      KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
      trustStore.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        trustStore.setCertificateEntry("temporal-server-ca-" + index++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      return factory.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidSettingException(
          property, "cannot read a PEM X.509 certificate from it: " + e.getMessage(), e);
    }
  }

  private static void requirePem(String property, byte[] content, String kind) {
    String text = new String(content, StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
      throw new InvalidSettingException(
          property, "the file is not a PEM " + kind.toLowerCase(Locale.ROOT));
    }
  }

  private static byte[] read(String property, Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new InvalidSettingException(property, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static InputStream stream(byte[] content) {
    return new ByteArrayInputStream(content);
  }
}
