package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API behind a security the operator's server.xml configures instead of tokens ({@code
 * api.auth-required=true}): a basic registry whose groups are bound to the WAR's roles. Without
 * credentials 401, without a role 403, with {@code api-user} the API, with {@code api-admin} also
 * the connection and the metrics.
 */
class RegistrySecurityIT {

  private static final String REGISTRY =
      """
      <server>
          <featureManager>
              <feature>appSecurity-5.0</feature>
          </featureManager>
          <!-- The application's own login configuration (BASIC), not MicroProfile JWT's. -->
          <mpJwt id="defaultMpJwt" ignoreApplicationAuthMethod="false"/>
          <basicRegistry id="basic" realm="nexus-liberty">
              <user name="operator" password="operator-password"/>
              <user name="auditor" password="auditor-password"/>
              <user name="visitor" password="visitor-password"/>
              <group name="api-users"><member name="operator"/></group>
              <group name="api-admins"><member name="auditor"/></group>
          </basicRegistry>
          <webApplication id="nexus-liberty" location="nexus-liberty.war" contextRoot="/">
              <application-bnd>
                  <security-role name="api-user"><group name="api-users"/></security-role>
                  <security-role name="api-admin"><group name="api-admins"/></security-role>
              </application-bnd>
          </webApplication>
      </server>
      """;

  @Test
  void aRegistryUserNeedsARole() {
    try (LibertyServer liberty =
        LibertyServer.create(
                "secured-basic", Map.of("API_AUTH_REQUIRED", "true", "TEMPORAL_EMBEDDED_PORT", "0"))
            .configure("security.xml", REGISTRY)) {
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
          anonymous.withBasic("visitor", "visitor-password").postJson("api/echo", "{}");
      assertEquals(403, forbidden.status(), "a user without a role: " + forbidden);
      assertEquals("api-user", forbidden.json().getString("role"));

      ApiClient operator = anonymous.withBasic("operator", "operator-password");
      assertEquals(403, operator.get("api/connection").status(), "api-user on the connection");
      ApiClient.Answer hello =
          operator.postJson("api/hello", "{\"name\": \"Operator\", \"language\": \"en\"}");
      assertEquals(200, hello.status(), "POST /api/hello with the role: " + hello);
      assertEquals("Hello Operator 👋", hello.json().getString("result"));

      ApiClient auditor = anonymous.withBasic("auditor", "auditor-password");
      assertEquals(200, auditor.get("api/connection").status(), "api-admin on the connection");
      assertEquals(200, auditor.get("metrics").status(), "api-admin on the metrics");
    }
  }
}
