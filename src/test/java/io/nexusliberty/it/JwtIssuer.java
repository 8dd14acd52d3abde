package io.nexusliberty.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An identity provider of the test's own: an RSA key pair, its public key as the PEM file that
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} names, and RS256 tokens it signs.
 */
final class JwtIssuer {

  static final String ISSUER = "https://issuer.nexus-liberty.test";

  private final KeyPair key = rsaKey();

  /** The public key as a PEM file in {@code target/}. */
  Path publicKeyFile() {
    try {
      Path file = Files.createTempFile(Path.of("target"), "jwt-issuer-", ".pem");
      Files.writeString(
          file,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(key.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token of this issuer for this user and these groups, valid for this many seconds. */
  String token(String user, List<String> groups, long validSeconds) {
    return token(ISSUER, user, groups, validSeconds, key.getPrivate());
  }

  /** A token naming another issuer, signed by this issuer's key. */
  String tokenOfIssuer(String issuer, String user, List<String> groups) {
    return token(issuer, user, groups, 300, key.getPrivate());
  }

  /** A token naming this issuer, signed by another key. */
  String tokenOfAnotherKey(String user, List<String> groups) {
    return token(ISSUER, user, groups, 300, rsaKey().getPrivate());
  }

  private static String token(
      String issuer, String user, List<String> groups, long validSeconds, PrivateKey signer) {
    long now = Instant.now().getEpochSecond();
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", user + "-id")
            .add("upn", user + "@nexus-liberty.test")
            .add("groups", Json.createArrayBuilder(groups))
            // Issued before it expires, even for a token that expired long ago.
            .add("iat", Math.min(now, now + validSeconds) - 3600)
            .add("exp", now + validSeconds)
            .build()
            .toString();
    String signed = base64Url(header) + "." + base64Url(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(signer);
      signature.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
