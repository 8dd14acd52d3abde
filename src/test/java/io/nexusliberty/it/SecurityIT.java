package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API secured by configuration alone, as an operator secures the image, the jar or a pod: two
 * instances of the application's own server (its server.xml, unchanged) on one real Temporal
 * server, given only {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} and {@code MP_JWT_VERIFY_ISSUER} in
 * their environment, and tokens signed by a key the test makes for two users and an admin. A token
 * is needed, and a valid one; each user owns its workflows on both instances and has keys of its
 * own; the admin sees everything. Health and the OpenAPI document stay open.
 */
@ExtendWith(RequiresTemporalCli.class)
class SecurityIT {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final String USER = "api-user";
  private static final String ADMIN = "api-admin";

  private static final JwtIssuer issuer = new JwtIssuer();
  private static TemporalDevServer temporal;
  private static LibertyServer first;
  private static LibertyServer second;

  @BeforeAll
  static void startTwoSecuredInstances() {
    temporal = TemporalDevServer.start(List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE));
    String key = issuer.publicKeyFile().toAbsolutePath().toString();
    first = LibertyServer.create("secured-1", secured(key, "secured-1"));
    second = LibertyServer.create("secured-2", secured(key, "secured-2"));
    first.start();
    second.start();
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> first.awaitReady(READY_TIMEOUT)),
            CompletableFuture.runAsync(() -> second.awaitReady(READY_TIMEOUT)))
        .join();
  }

  private static Map<String, String> secured(String publicKey, String identity) {
    Map<String, String> environment = new HashMap<>();
    environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey);
    environment.put("MP_JWT_VERIFY_ISSUER", JwtIssuer.ISSUER);
    environment.put("TEMPORAL_ADDRESS", temporal.address());
    environment.put("TEMPORAL_PROVISION", "true");
    environment.put("TEMPORAL_WORKER_IDENTITY", identity);
    return environment;
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, temporal}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // Stopping what is left; the test's result stands.
      }
    }
  }

  private static ApiClient as(LibertyServer server, String token) {
    return new ApiClient(server.base()).withAuthorization("Bearer " + token);
  }

  @Test
  void aValidTokenIsNeededAndHealthAndTheDocumentStayOpen() {
    ApiClient anonymous = new ApiClient(first.base());
    for (String path : List.of("api/connection", "metrics")) {
      ApiClient.Answer answer = anonymous.get(path);
      assertEquals(401, answer.status(), "GET /" + path + " without a token: " + answer);
      assertTrue(answer.isProblem(), "a problem document: " + answer);
      assertTrue(answer.wwwAuthenticate().startsWith("Bearer"), answer.wwwAuthenticate());
    }
    assertEquals(
        401,
        anonymous.postJson("api/echo", "{\"message\": \"x\"}").status(),
        "POST without a token");
    Map<String, String> refused =
        Map.of(
            "expired ten minutes ago", issuer.token("alice", List.of(USER), -600),
            "from another issuer",
                issuer.tokenOfIssuer("https://other.example", "alice", List.of(USER)),
            "signed by another key", issuer.tokenOfAnotherKey("alice", List.of(USER)),
            "not a token", "not.a.token");
    refused.forEach(
        (what, token) -> {
          ApiClient.Answer answer = as(first, token).postJson("api/echo", "{\"message\": \"x\"}");
          assertEquals(401, answer.status(), "a token " + what + ": " + answer);
          assertTrue(answer.isProblem(), answer.toString());
        });

    ApiClient alice = as(first, issuer.token("alice", List.of(USER), 300));
    ApiClient auditor = as(first, issuer.token("carol", List.of("auditors"), 300));
    ApiClient admin = as(first, issuer.token("root", List.of(ADMIN), 300));
    for (String path : List.of("api/connection", "metrics")) {
      ApiClient.Answer answer = alice.get(path);
      assertEquals(403, answer.status(), "an api-user on /" + path + ": " + answer);
      assertEquals(ADMIN, answer.json().getString("role"));
      assertEquals(200, admin.get(path).status(), "the admin on /" + path);
    }
    ApiClient.Answer noRole = auditor.postJson("api/echo", "{\"message\": \"x\"}");
    assertEquals(403, noRole.status(), "a token without either group: " + noRole);
    assertEquals(USER, noRole.json().getString("role"));
    ApiClient.Answer echo = alice.postJson("api/echo", "{\"message\": \"token\"}");
    assertEquals(200, echo.status(), "an api-user's echo: " + echo);
    assertEquals("token", echo.json().getString("result"));

    HealthChecks health = new HealthChecks(first.serverRoot());
    assertEquals(200, health.ready().status(), "readiness without a token");
    assertEquals(
        200, new ApiClient(first.serverRoot()).get("openapi").status(), "the OpenAPI document");
    assertEquals(200, anonymous.get("").status(), "the page");

    // Refused tokens are the callers' mistakes: no error line for each of them.
    List<String> errors = first.messages().stream().filter(line -> line.contains(" E ")).toList();
    assertEquals(List.of(), errors, "error lines in the log");
  }

  @Test
  void eachUserOwnsItsWorkflowsOnEveryInstanceAndTheAdminSeesThemAll() {
    ApiClient aliceOnFirst = as(first, issuer.token("alice", List.of(USER), 300));
    ApiClient aliceOnSecond = as(second, issuer.token("alice", List.of(USER), 300));
    ApiClient bobOnSecond = as(second, issuer.token("bob", List.of(USER), 300));
    ApiClient adminOnSecond = as(second, issuer.token("root", List.of(ADMIN), 300));

    ApiClient.Answer started =
        aliceOnFirst.postJson("api/hello?wait=false", "{\"name\": \"Ada\", \"language\": \"en\"}");
    assertEquals(202, started.status(), "alice starts: " + started);
    String workflowId = started.json().getString("workflowId");
    String path = "api/workflows/" + workflowId;

    assertEquals(200, aliceOnSecond.get(path).status(), "alice reads hers on the other instance");
    ApiClient.Answer hidden = bobOnSecond.get(path);
    String unknownId = "hello-caller-00000000-0000-4000-8000-000000000000";
    ApiClient.Answer unknown = bobOnSecond.get("api/workflows/" + unknownId);
    assertEquals(404, hidden.status(), "bob reads alice's: " + hidden);
    assertEquals(
        unknown.body().replace(unknownId, workflowId),
        hidden.body(),
        "the same answer as for a workflow that does not exist");
    ApiClient.Answer cancelled = bobOnSecond.postJson(path + "/cancel", "");
    assertEquals(404, cancelled.status(), "bob cancels alice's: " + cancelled);

    ApiClient.Answer seen =
        RealServerChecks.await(
            () -> adminOnSecond.get(path),
            answer ->
                answer.status() == 200 && !answer.json().getString("status").equals("running"),
            Duration.ofSeconds(60));
    assertEquals(200, seen.status(), "the admin reads anyone's: " + seen);
    assertEquals("Hello Ada 👋", seen.json().getString("result"), seen.toString());
    assertEquals(200, aliceOnSecond.get(path).status(), "alice still reads hers");
  }

  @Test
  void idempotencyKeysArePerUser() {
    ApiClient aliceOnFirst = as(first, issuer.token("alice", List.of(USER), 300));
    ApiClient aliceOnSecond = as(second, issuer.token("alice", List.of(USER), 300));
    ApiClient bobOnSecond = as(second, issuer.token("bob", List.of(USER), 300));
    String key = "order-" + System.nanoTime();

    ApiClient.Answer alices = aliceOnFirst.postJson("api/echo", "{\"message\": \"alice\"}", key);
    assertEquals(200, alices.status(), alices.toString());
    ApiClient.Answer bobs = bobOnSecond.postJson("api/echo", "{\"message\": \"bob\"}", key);
    assertEquals(200, bobs.status(), "the same key from another user starts its own: " + bobs);
    assertEquals("bob", bobs.json().getString("result"));
    assertNotEquals(
        alices.json().getString("workflowId"),
        bobs.json().getString("workflowId"),
        "two workflows");
    assertFalse(
        bobs.json().getString("workflowId").contains("bob"), "no user name in a workflow ID");

    ApiClient.Answer again = aliceOnSecond.postJson("api/echo", "{\"message\": \"alice\"}", key);
    assertEquals(200, again.status(), again.toString());
    assertEquals(alices.json().getString("workflowId"), again.json().getString("workflowId"));
    assertEquals(alices.json().getString("runId"), again.json().getString("runId"), "its own run");
    ApiClient.Answer reused = aliceOnSecond.postJson("api/echo", "{\"message\": \"other\"}", key);
    assertEquals(409, reused.status(), "her key with another body: " + reused);
  }
}
