package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workflow API around the two calls: {@code ?wait=false} with a Location to follow, {@code GET
 * /api/workflows/{id}}, cancellation of a running call, and {@code Idempotency-Key}. A second,
 * caller-only deployment has no handler, so its calls stay running until cancelled.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowApiIT {

  @Deployment(name = "workflow-api", testable = false)
  static WebArchive full() {
    return TestWar.named("workflow-api").build();
  }

  @Deployment(name = "workflow-api-slow", testable = false)
  static WebArchive withoutHandler() {
    return TestWar.named("workflow-api-slow")
        .with("temporal.workers", "caller")
        .with("temporal.nexus.operation-timeout", "5m")
        .build();
  }

  @ArquillianResource
  @OperateOnDeployment("workflow-api")
  URL base;

  @Test
  void waitFalseAnswers202WithALocationThatReportsTheResult() {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer accepted =
        api.postJson("api/hello?wait=false", "{\"name\": \"Later\", \"language\": \"fr\"}");

    assertEquals(202, accepted.status(), "POST ?wait=false: " + accepted);
    String workflowId = accepted.json().getString("workflowId");
    assertTrue(
        accepted.location().endsWith("/api/workflows/" + workflowId),
        "Location of " + accepted + ": " + accepted.location());
    assertTrue(accepted.location().startsWith("/"), "a path, not a URL: " + accepted.location());
    JsonObject status =
        awaitStatus(api, URI.create(base.toString()).resolve(accepted.location()), "completed");
    assertEquals("Bonjour Later 👋", status.getString("result"), "result in " + status);
    assertEquals(workflowId, status.getString("workflowId"));
    assertEquals("HelloCallerWorkflow", status.getString("type"));
    assertEquals(accepted.json().getString("runId"), status.getString("runId"));
    assertFalse(
        Instant.parse(status.getString("closeTime"))
            .isBefore(Instant.parse(status.getString("startTime"))),
        "closed after it started: " + status);
  }

  @Test
  void unknownWorkflowAnswers404() {
    ApiClient.Answer answer =
        new ApiClient(base).get("api/workflows/hello-caller-key-no-such-workflow");

    assertEquals(404, answer.status(), "GET unknown: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    assertEquals("hello-caller-key-no-such-workflow", answer.json().getString("workflowId"));
  }

  @Test
  void sameKeySameBodyRunsOneWorkflow() {
    ApiClient api = new ApiClient(base);
    String key = "echo-" + UUID.randomUUID();
    String body = "{\"message\": \"only once\"}";

    ApiClient.Answer first = api.postJson("api/echo", body, key);
    ApiClient.Answer retried = api.postJson("api/echo", body, key);
    ApiClient.Answer retriedWithoutWaiting = api.postJson("api/echo?wait=false", body, key);

    assertEquals(200, first.status(), "first: " + first);
    assertEquals(200, retried.status(), "retry: " + retried);
    assertEquals(
        202, retriedWithoutWaiting.status(), "retry, wait=false: " + retriedWithoutWaiting);
    for (ApiClient.Answer answer : new ApiClient.Answer[] {retried, retriedWithoutWaiting}) {
      assertEquals(first.json().getString("workflowId"), answer.json().getString("workflowId"));
      assertEquals(first.json().getString("runId"), answer.json().getString("runId"));
    }
    assertEquals("only once", retried.json().getString("result"));
  }

  @Test
  void sameKeyDifferentBodyAnswers409() {
    ApiClient api = new ApiClient(base);
    String key = "hello-" + UUID.randomUUID();

    ApiClient.Answer first =
        api.postJson("api/hello", "{\"name\": \"Ada\", \"language\": \"en\"}", key);
    ApiClient.Answer other =
        api.postJson("api/hello", "{\"name\": \"Grace\", \"language\": \"en\"}", key);

    assertEquals(200, first.status(), "first: " + first);
    assertEquals(409, other.status(), "same key, other body: " + other);
    assertTrue(other.isProblem(), "problem+json expected: " + other);
    assertEquals(first.json().getString("workflowId"), other.json().getString("workflowId"));
  }

  @Test
  void malformedOptionsAreRejectedNamingThem() {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer wait = api.postJson("api/echo?wait=maybe", "{\"message\": \"x\"}");
    ApiClient.Answer key = api.postJson("api/echo", "{\"message\": \"x\"}", "not a key!");

    assertEquals(400, wait.status(), "wait=maybe: " + wait);
    assertEquals("wait", wait.json().getString("field"));
    assertEquals(400, key.status(), "bad key: " + key);
    assertEquals("Idempotency-Key", key.json().getString("field"));
  }

  @Test
  void aRunningCallCanBeCancelledOnceAndReportsIt(
      @ArquillianResource @OperateOnDeployment("workflow-api-slow") URL slow) {
    ApiClient api = new ApiClient(slow);
    ApiClient.Answer accepted = api.postJson("api/echo?wait=false", "{\"message\": \"slow\"}");
    assertEquals(202, accepted.status(), "POST ?wait=false: " + accepted);
    String workflowId = accepted.json().getString("workflowId");
    assertEquals("running", api.get("api/workflows/" + workflowId).json().getString("status"));

    ApiClient.Answer cancel =
        api.post("api/workflows/" + workflowId + "/cancel", "application/json", "");

    assertEquals(202, cancel.status(), "cancel: " + cancel);
    assertEquals(workflowId, cancel.json().getString("workflowId"));
    JsonObject status =
        awaitStatus(api, URI.create(slow.toString()).resolve(accepted.location()), "cancelled");
    assertFalse(status.getString("failure").isBlank(), "the failure says why: " + status);
    ApiClient.Answer again =
        api.post("api/workflows/" + workflowId + "/cancel", "application/json", "");
    assertEquals(409, again.status(), "cancel again: " + again);
    assertEquals(409, again.json().getInt("status"), "the problem's status member: " + again);
    assertEquals("cancelled", again.json().getString("workflowStatus"));
    assertEquals(workflowId, again.json().getString("workflowId"));
  }

  @Test
  void aWaitingCallWhoseWorkflowIsCancelledSaysSo(
      @ArquillianResource @OperateOnDeployment("workflow-api-slow") URL slow) throws Exception {
    ApiClient api = new ApiClient(slow);
    String key = "cancelled-while-waiting-" + java.util.UUID.randomUUID();
    String workflowId = "echo-caller-key-" + key;
    java.util.concurrent.CompletableFuture<ApiClient.Answer> waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> api.postJson("api/echo", "{\"message\": \"in vain\"}", key));
    RealServerChecks.await(
        () -> api.get("api/workflows/" + workflowId).status(),
        status -> status == 200,
        java.time.Duration.ofSeconds(20));

    ApiClient.Answer cancel =
        api.post("api/workflows/" + workflowId + "/cancel", "application/json", "");
    ApiClient.Answer answer = waiting.get(60, TimeUnit.SECONDS);

    assertEquals(202, cancel.status(), "cancel: " + cancel);
    assertEquals(422, answer.status(), "the waiting call: " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    assertEquals("cancelled", answer.json().getString("workflowStatus"), "in " + answer);
    assertEquals("Workflow cancelled", answer.json().getString("title"), "in " + answer);
  }

  /**
   * Many clients at once, each on a connection of its own (the way Liberty reuses its request
   * objects between connections), some with the {@code Upgrade: h2c} headers Java's HTTP client
   * sends: every call gets its own answer, with the {@code wait} it asked for.
   */
  @Test
  void concurrentCallsOnFreshConnectionsEachGetTheirOwnAnswer() throws Exception {
    RawHttp http = new RawHttp(base);
    String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    String[] queries = {"", "?wait=false", "?wait=true", "?trace=1&wait=false"};
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 320; i++) {
        String query = queries[i % queries.length];
        String message = "concurrent " + i;
        String upgrade =
            i % 3 == 0
                ? "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA"
                : "";
        String body = Json.createObjectBuilder().add("message", message).build().toString();
        calls.add(
            clients.submit(
                () -> {
                  RawHttp.Answer answer =
                      http.send(
                          "POST "
                              + root
                              + "api/echo"
                              + query
                              + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                              + body.getBytes(StandardCharsets.UTF_8).length
                              + upgrade,
                          body.getBytes(StandardCharsets.UTF_8),
                          Duration.ofSeconds(60));
                  boolean accepted = query.contains("wait=false");
                  String expected = accepted ? "running" : message;
                  String actual =
                      answer.isJson()
                          ? answer.json().getString(accepted ? "status" : "result", "")
                          : "";
                  return answer.status() == (accepted ? 202 : 200) && expected.equals(actual)
                      ? null
                      : "POST api/echo" + query + " " + message + ": " + answer;
                }));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<String> call : calls) {
        String problem = call.get(120, TimeUnit.SECONDS);
        if (problem != null) {
          wrong.add(problem);
        }
      }
      assertEquals(List.of(), wrong, "calls that did not get their own answer");
    } finally {
      clients.shutdownNow();
    }
  }

  private static JsonObject awaitStatus(ApiClient api, URI location, String expected) {
    JsonObject status =
        RealServerChecks.await(
            () -> api.get(location).json(),
            answer -> answer.getString("status").equals(expected),
            Duration.ofSeconds(30));
    assertEquals(expected, status.getString("status"), "status of " + location + ": " + status);
    return status;
  }
}
