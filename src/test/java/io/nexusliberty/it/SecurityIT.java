package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API and the metrics behind the server's own security, in Liberty servers of the test's own
 * (with {@code api.auth-required=true}): a basic registry whose group is bound to the role the WAR
 * declares, and MicroProfile JWT verifying tokens signed by a key the test makes, whose groups
 * claim names the role. Without credentials they answer 401, without the role 403, with it they
 * work.
 */
class SecurityIT {

  private static final String ISSUER = "https://issuer.nexus-liberty.test";

  @Test
  void aBasicRegistryUserNeedsTheRole() {
    String registry =
        """
        <server>
            <featureManager>
                <feature>appSecurity-5.0</feature>
            </featureManager>
            <basicRegistry id="basic" realm="nexus-liberty">
                <user name="operator" password="operator-password"/>
                <user name="visitor" password="visitor-password"/>
                <group name="api-users">
                    <member name="operator"/>
                </group>
            </basicRegistry>
            <webApplication id="nexus-liberty" location="nexus-liberty.war" contextRoot="/">
                <application-bnd>
                    <security-role name="api-user">
                        <group name="api-users"/>
                    </security-role>
                </application-bnd>
            </webApplication>
        </server>
        """;
    try (LibertyServer liberty =
        LibertyServer.create("secured-basic", settings()).configure("security.xml", registry)) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));
      ApiClient anonymous = new ApiClient(liberty.base());

      for (String path : List.of("api/connection", "metrics")) {
        ApiClient.Answer answer = anonymous.get(path);
        assertEquals(401, answer.status(), "GET /" + path + " without credentials: " + answer);
        assertTrue(answer.isProblem(), "a problem document: " + answer);
        assertTrue(
            answer.wwwAuthenticate().startsWith("Basic"),
            "the server's challenge: " + answer.wwwAuthenticate());
      }
      assertEquals(
          401,
          anonymous.withBasic("operator", "wrong").get("api/connection").status(),
          "a wrong password");
      assertEquals(
          401,
          anonymous.postJson("api/hello", "{\"name\": \"Nobody\"}").status(),
          "POST without credentials");

      ApiClient.Answer forbidden =
          anonymous.withBasic("visitor", "visitor-password").get("api/connection");
      assertEquals(403, forbidden.status(), "a user without the role: " + forbidden);
      assertEquals("api-user", forbidden.json().getString("role"));

      ApiClient operator = anonymous.withBasic("operator", "operator-password");
      assertEquals(200, operator.get("api/connection").status());
      assertEquals(200, operator.get("metrics").status());
      ApiClient.Answer hello =
          operator.postJson("api/hello", "{\"name\": \"Operator\", \"language\": \"en\"}");
      assertEquals(200, hello.status(), "POST /api/hello with the role: " + hello);
      assertEquals("Hello Operator 👋", hello.json().getString("result"));
    }
  }

  @Test
  void aMicroProfileJwtNeedsTheRoleAsAGroup() throws Exception {
    KeyPair issuerKey = rsaKey();
    Path publicKey = Files.createTempFile(Path.of("target"), "jwt-issuer-", ".pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(issuerKey.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Map<String, String> settings = new HashMap<>(settings());
    settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
    settings.put("MP_JWT_VERIFY_ISSUER", ISSUER);
    String jwtFeature =
        """
        <server>
            <featureManager>
                <feature>mpJwt-2.1</feature>
            </featureManager>
            <!-- MicroProfile JWT activates only with a key store for its TLS defaults. -->
            <keyStore id="defaultKeyStore" password="nexus-liberty-test"/>
        </server>
        """;
    try (LibertyServer liberty =
        LibertyServer.create("secured-jwt", settings).configure("security.xml", jwtFeature)) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));
      ApiClient anonymous = new ApiClient(liberty.base());

      assertEquals(401, anonymous.get("api/connection").status(), "no token");
      assertEquals(401, anonymous.get("metrics").status(), "no token for the metrics");
      assertEquals(
          401,
          bearer(anonymous, rsaKey().getPrivate(), List.of("api-user"), 300)
              .get("api/connection")
              .status(),
          "a token signed by another key");
      assertEquals(
          401,
          // Ten minutes past its expiry: beyond the server's allowance for clock skew.
          bearer(anonymous, issuerKey.getPrivate(), List.of("api-user"), -600)
              .get("api/connection")
              .status(),
          "an expired token");

      ApiClient.Answer forbidden =
          bearer(anonymous, issuerKey.getPrivate(), List.of("auditors"), 300).get("api/connection");
      assertEquals(403, forbidden.status(), "a token without the group: " + forbidden);

      ApiClient caller = bearer(anonymous, issuerKey.getPrivate(), List.of("api-user"), 300);
      assertEquals(200, caller.get("metrics").status());
      ApiClient.Answer hello =
          caller.postJson("api/hello", "{\"name\": \"Token\", \"language\": \"en\"}");
      assertEquals(200, hello.status(), "POST /api/hello with the group: " + hello);
      assertEquals("Hello Token 👋", hello.json().getString("result"));
    }
  }

  private static Map<String, String> settings() {
    return Map.of("API_AUTH_REQUIRED", "true", "TEMPORAL_EMBEDDED_PORT", "0");
  }

  private static KeyPair rsaKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The client with a signed RS256 token for these groups, valid for this many seconds. */
  private static ApiClient bearer(
      ApiClient client, PrivateKey key, List<String> groups, long validSeconds) {
    long now = Instant.now().getEpochSecond();
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", ISSUER)
            .add("sub", "caller-1")
            .add("upn", "caller@nexus-liberty.test")
            .add("groups", Json.createArrayBuilder(groups))
            .add("iat", now - 3600)
            .add("exp", now + validSeconds)
            .build()
            .toString();
    String signed = base64Url(header) + "." + base64Url(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signed.getBytes(StandardCharsets.US_ASCII));
      return client.withAuthorization(
          "Bearer "
              + signed
              + "."
              + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
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
