package io.nexusliberty.temporal.config;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.nexusliberty.settings.InvalidSettingException;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * certificate or key into an {@link InvalidSettingException} that names its property.
 */
public final class TlsContextFactory {

  private TlsContextFactory() {}

  /** The TLS context for these settings, or null when the system's default TLS will do. */
  public static SslContext create(TlsSettings tls) {
    if (!tls.active()
        || (!tls.mutual() && tls.serverCaCert() == null && !tls.disableHostVerification())) {
      return null;
    }
    SimpleSslContextBuilder builder =
        tls.mutual() ? withClientCertificate(tls) : SimpleSslContextBuilder.noKeyOrCertChain();
    if (tls.serverCaCert() != null) {
      builder.setTrustManager(trustManagerFor(tls.serverCaCert()));
    }
    builder.setUseInsecureTrustManager(tls.disableHostVerification());
    try {
      // Also built at deployment (TemporalSettings), so that a key or certificate that cannot be
      // read, such as a key not in PKCS#8, stops deployment instead of the first connection.
      return builder.build();
    } catch (IOException | RuntimeException e) {
      if (tls.mutual()) {
        throw new InvalidSettingException(
            tls.clientKey().property(),
            "cannot use it with the certificate of "
                + tls.clientCert().property()
                + " (a PEM PKCS#8 private key matching the certificate is needed): "
                + e.getMessage(),
            e);
      }
      throw new InvalidSettingException(
          tls.serverCaCert() != null
              ? tls.serverCaCert().property()
              : SettingNames.TLS_DISABLE_HOST_VERIFICATION,
          "cannot build a TLS context from it: " + e.getMessage(),
          e);
    }
  }

  private static SimpleSslContextBuilder withClientCertificate(TlsSettings tls) {
    requirePem(tls.clientCert(), "CERTIFICATE");
    requirePem(tls.clientKey(), "PRIVATE KEY");
    return SimpleSslContextBuilder.forPKCS8(
        stream(tls.clientCert().content()), stream(tls.clientKey().content()));
  }

  private static TrustManager trustManagerFor(Pem caCertificate) {
    requirePem(caCertificate, "CERTIFICATE");
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(stream(caCertificate.content()));
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
          caCertificate.property(),
          "cannot read a PEM X.509 certificate from it: " + e.getMessage(),
          e);
    }
  }

  private static void requirePem(Pem pem, String kind) {
    String text = new String(pem.content(), StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
      throw new InvalidSettingException(
          pem.property(),
          (pem.file() != null ? "the file" : "the value")
              + " is not a PEM "
              + kind.toLowerCase(Locale.ROOT));
    }
  }

  private static InputStream stream(byte[] content) {
    return new ByteArrayInputStream(content);
  }
}
