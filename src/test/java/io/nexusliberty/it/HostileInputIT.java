package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or careless client sends, over raw sockets, and what it gets: a documented status
 * with a problem document that names what was wrong, never a 500, an HTML page or the internals of
 * the frameworks underneath, and nothing done that should have been refused.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  /** What must never reach a client: framework message IDs, class names, stack frames. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "RESTEASY\\d|SRVE\\d|CWW[A-Z]{2}\\d|\\$WSEP|com\\.ibm\\.|java\\.[a-z]+\\.|io\\.temporal\\."
              + "|jakarta\\.|org\\.jboss|Exception|\\tat ");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("hostile").build();
  }

  @ArquillianResource URL base;

  private RawHttp http;
  private String root;

  @BeforeEach
  void client() {
    http = new RawHttp(base);
    root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
  }

  private RawHttp.Answer postJson(String path, String body, String... headers) {
    return http.send(
        "POST "
            + root
            + path
            + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + String.join("", List.of(headers).stream().map(h -> "\r\n" + h).toList()),
        body);
  }

  private static void assertProblem(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), "status of " + answer);
    assertTrue(answer.isProblem(), "problem+json expected: " + answer);
    assertFalse(INTERNALS.matcher(answer.toString()).find(), "internals in " + answer);
    JsonObject problem = answer.json();
    assertEquals(status, problem.getInt("status"), "status member of " + answer);
    assertFalse(problem.getString("detail").isBlank(), "a detail saying why: " + answer);
  }

  private static String field(RawHttp.Answer answer) {
    return answer.json().getString("field", "");
  }

  @Test
  void clientMistakesThatWere500sAre400s() {
    String deep = "{\"message\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    assertProblem(400, postJson("api/echo", deep));
    assertProblem(
        400,
        http.send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked",
            "{\"message\":\"x\"}"));
    assertProblem(
        400,
        http.send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked",
            "zz\r\n{\"message\":\"x\"}\r\n0\r\n\r\n"));
    for (String path : List.of("{x}", "a|b", "a^b", "a\"b", "a<b", "${jndi:ldap://x/a}")) {
      RawHttp.Answer answer = http.send("GET " + root + "api/workflows/" + path + " HTTP/1.1", "");
      assertProblem(400, answer);
      assertEquals("url", field(answer));
    }
  }

  @Test
  void aBodyAnnouncedTooLargeIsRefusedAtOnce() {
    RawHttp.Answer answer =
        http.send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 1000000000000",
            "{\"message\"".getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(5));

    assertProblem(413, answer);
    assertTrue(answer.took().compareTo(Duration.ofSeconds(2)) < 0, "at once: " + answer.took());
  }

  @Test
  void slowBodiesAre408AndDoNotStallHealthChecks() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(50);
    try {
      List<Future<RawHttp.Answer>> slow = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        // Announces 15 bytes, sends 10 and stalls.
        slow.add(
            clients.submit(
                () ->
                    http.send(
                        "POST "
                            + root
                            + "api/echo HTTP/1.1\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 15",
                        "{\"message\"".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(20))));
      }
      TemporalDevServer.sleep(Duration.ofSeconds(1));
      ApiClient health = new ApiClient(new URL(base, "/"));
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        assertEquals(200, health.get("health/live").status());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "/health/live took " + took);
      }
      for (Future<RawHttp.Answer> answer : slow) {
        RawHttp.Answer stalled = answer.get(30, TimeUnit.SECONDS);
        assertProblem(408, stalled);
        assertTrue(
            stalled.took().compareTo(Duration.ofSeconds(5)) < 0, "408 within 5 s: " + stalled);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 14})
  void aBodyArrivingLaterIsStillRead(int sentWithHeaders) {
    byte[] body = "{\"message\":\"late\"}".getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer answer =
        http.sendInParts(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length,
            Arrays.copyOfRange(body, 0, sentWithHeaders),
            Duration.ofMillis(500),
            Arrays.copyOfRange(body, sentWithHeaders, body.length),
            Duration.ofSeconds(20));
    assertEquals(200, answer.status(), "status of " + answer);
    assertEquals("late", answer.json().getString("result"), "result of " + answer);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api/workflows/%2e%2e",
        "api/workflows/%2F",
        "api/workflows/%5C",
        "api/workflows/%23",
        "api/workflows/a\\b",
        "api/workflows/x?%",
        "api/workflows/x?wait=%zz"
      })
  void malformedUrlsAre400ProblemsWithoutInternals(String path) {
    assertProblem(400, http.send("GET " + root + path + " HTTP/1.1", ""));
  }

  @Test
  void frameworkErrorsSpeakTheApplicationsWords() {
    assertProblem(404, http.send("GET " + root + "api/nothing/here HTTP/1.1", ""));
    assertProblem(404, http.send("GET " + root + "nothing.html HTTP/1.1", ""));
    assertProblem(405, http.send("DELETE " + root + "api/echo HTTP/1.1", ""));
    // Not a media type at all: 400; a media type other than JSON, or none: 415.
    Map<String, Integer> contentTypes =
        Map.of("", 415, "text/plain", 415, "a/b/c", 400, "json", 400, "application/json; ;", 400);
    contentTypes.forEach(
        (type, status) -> {
          RawHttp.Answer answer =
              http.send(
                  "POST "
                      + root
                      + "api/echo HTTP/1.1\r\nContent-Type: "
                      + type
                      + "\r\nContent-Length: 15",
                  "{\"message\":\"x\"}");
          assertProblem(status, answer);
          assertEquals("Content-Type", field(answer));
        });
    for (String accept : List.of(";;;/", "q=0", "text/html;;")) {
      RawHttp.Answer malformed = postJson("api/echo", "{\"message\":\"x\"}", "Accept: " + accept);
      assertProblem(400, malformed);
      assertEquals("Accept", field(malformed));
    }
    assertProblem(406, postJson("api/echo", "{\"message\":\"x\"}", "Accept: application/xml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"message\":\"x\"} y",
        "{\"message\":\"x\"}{\"message\":\"y\"}",
        "{\"message\":\"x\"} // comment",
        "{\"message\":\"x\",\"message\":\"y\"}",
        "{\"message\":\"\\ud800\"}",
        "{\"message\":\"a\\u0000b\"}",
        "{\"message\":\"a\\u0007b\"}",
        "{\"message\":\"a\\u001bb\"}",
        "{\"message\":\"a\\r\\nb\"}",
        "{\"message\":\"a\\u202eb\"}",
        "{\"message\":\"\\u00a0\"}",
        "{\"message\":\"\\u200b\"}"
      })
  void strictInputIsRefusedNamingTheField(String body) {
    RawHttp.Answer answer = postJson("api/echo", body);

    assertProblem(400, answer);
    assertTrue(List.of("body", "message").contains(field(answer)), "field of " + answer);
  }

  @Test
  void bodiesNotInUtf8AreRefused() {
    byte[][] bodies = {
      "{\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
      "{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_16),
      "{\"message\":\"x\"}".getBytes(java.nio.charset.Charset.forName("UTF-32")),
      {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}
    };
    for (byte[] body : bodies) {
      RawHttp.Answer answer =
          http.send(
              "POST "
                  + root
                  + "api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length,
              body,
              Duration.ofSeconds(10));
      assertProblem(400, answer);
      assertEquals("body", field(answer));
    }
  }

  @Test
  void aNameInHelloIsCheckedLikeAMessage() {
    RawHttp.Answer answer = postJson("api/hello", "{\"name\":\"Ada\\u0000\",\"language\":\"en\"}");

    assertProblem(400, answer);
    assertEquals("name", field(answer));
  }

  @Test
  void aRepeatedIdempotencyKeyIsRefused() {
    RawHttp.Answer answer =
        postJson("api/echo", "{\"message\":\"x\"}", "Idempotency-Key: a", "Idempotency-Key: b");

    assertProblem(400, answer);
    assertEquals("Idempotency-Key", field(answer));
  }

  @Test
  void onlyTheApisOwnWorkflowsCanBeReadOrCancelled() {
    // A greeting starts a handler workflow; on the embedded server it lives in the caller
    // namespace, next to the caller workflows, but it is not one of the API's.
    RawHttp.Answer hello = postJson("api/hello", "{\"name\":\"Evidence\",\"language\":\"de\"}");
    assertEquals(200, hello.status(), "hello: " + hello);

    assertProblem(404, http.send("GET " + root + "api/workflows/hello-de-evidence HTTP/1.1", ""));
    assertProblem(404, postJson("api/workflows/hello-de-evidence/cancel", ""));
  }

  @Test
  void anotherSiteCannotCancelAWorkflow() {
    RawHttp.Answer accepted =
        postJson("api/hello?wait=false", "{\"name\":\"Victim\",\"language\":\"en\"}");
    assertEquals(202, accepted.status(), "accepted: " + accepted);
    String workflowId = accepted.json().getString("workflowId");

    RawHttp.Answer foreign =
        http.send(
            "POST "
                + root
                + "api/workflows/"
                + workflowId
                + "/cancel HTTP/1.1"
                + "\r\nOrigin: http://evil.example\r\nContent-Type: application/json"
                + "\r\nContent-Length: 0",
            "");
    RawHttp.Answer formPost =
        http.send(
            "POST "
                + root
                + "api/workflows/"
                + workflowId
                + "/cancel HTTP/1.1"
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0",
            "");
    RawHttp.Answer noType =
        http.send(
            "POST "
                + root
                + "api/workflows/"
                + workflowId
                + "/cancel HTTP/1.1\r\nContent-Length: 0",
            "");

    assertProblem(403, foreign);
    assertEquals("Origin", field(foreign));
    assertProblem(415, formPost);
    assertProblem(415, noType);
    JsonObject status =
        http.send("GET " + root + "api/workflows/" + workflowId + " HTTP/1.1", "").json();
    assertFalse("cancelled".equals(status.getString("status")), "not cancelled: " + status);
    RawHttp.Answer sameSite =
        postJson(
            "api/workflows/" + workflowId + "/cancel", "", "Origin: http://" + http.hostHeader());
    assertTrue(
        sameSite.status() == 202 || sameSite.status() == 409, "same origin may: " + sameSite);
  }

  @Test
  void securityHeadersAndNoReflectedHost() {
    RawHttp.Answer page = http.send("GET " + root + " HTTP/1.1", "");
    assertEquals(200, page.status());
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertTrue(
        page.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
        "CSP of the page: " + page.headers());
    for (RawHttp.Answer answer :
        List.of(
            http.send("GET " + root + "api/connection HTTP/1.1", ""),
            http.send("GET " + root + "api/nothing HTTP/1.1", ""),
            http.send("GET " + root + "api/workflows/%2F HTTP/1.1", ""))) {
      assertEquals("nosniff", answer.header("X-Content-Type-Options"), "in " + answer);
    }

    String body = "{\"message\":\"where\"}";
    RawHttp.Answer accepted =
        http.send(
            "POST "
                + root
                + "api/echo?wait=false HTTP/1.1\r\nHost: 127.0.0.1:"
                + base.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length(),
            body);
    assertEquals(202, accepted.status(), "accepted: " + accepted);
    assertTrue(
        accepted.header("Location").startsWith(root + "api/workflows/"), "Location: " + accepted);
    assertFalse(
        accepted.header("Location").contains("127.0.0.1"), "Host not reflected: " + accepted);
  }

  /**
   * A page on evil.example whose name is re-pointed at 127.0.0.1 (DNS rebinding) sends its own name
   * as the Host and its own origin: refused (421) on every path, nothing started, nothing read. The
   * application's loopback names and IP literals, which no DNS answer changes, are served.
   */
  @Test
  void aRebindingPageIsRefusedWhateverItAsks() {
    String evil = "evil.example:" + base.getPort();
    String body = "{\"message\":\"rebound\"}";
    RawHttp.Answer start =
        http.send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nHost: "
                + evil
                + "\r\nOrigin: http://"
                + evil
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length(),
            body);
    assertProblem(421, start);
    assertEquals("Host", field(start));
    for (String path :
        List.of("api/connection", "metrics", "api/workflows/echo-caller-key-x", "")) {
      RawHttp.Answer read = http.send("GET " + root + path + " HTTP/1.1\r\nHost: " + evil, "");
      assertProblem(421, read);
    }
    for (String host :
        List.of(
            "localhost:" + base.getPort(),
            "127.0.0.1:" + base.getPort(),
            "[::1]:" + base.getPort(),
            "localhost")) {
      RawHttp.Answer own =
          http.send("GET " + root + "api/connection HTTP/1.1\r\nHost: " + host, "");
      assertEquals(200, own.status(), "Host " + host + ": " + own);
    }
    RawHttp.Answer sameOrigin =
        postJson(
            "api/echo",
            body,
            "Origin: http://127.0.0.1:" + base.getPort(),
            "Host: 127.0.0.1:" + base.getPort());
    assertEquals(200, sameOrigin.status(), "the page's own origin under an IP: " + sameOrigin);
  }

  /**
   * A Content-Type or Accept with a parameter of thousands of characters (far below Liberty's
   * header limit) is checked in one pass: the call is answered, a malformed one is a 400.
   */
  @ParameterizedTest
  @ValueSource(ints = {3_000, 10_000, 30_000})
  void longMediaTypeHeadersAreAnswered(int length) {
    String parameter = "; a=\"" + "x".repeat(length) + "\"";
    RawHttp.Answer contentType =
        http.send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json"
                + parameter
                + "\r\nContent-Length: 16",
            "{\"message\":\"ok\"}");
    assertEquals(200, contentType.status(), "a long Content-Type: " + contentType.status());
    RawHttp.Answer accept =
        postJson("api/echo", "{\"message\":\"ok\"}", "Accept: application/json" + parameter);
    assertEquals(200, accept.status(), "a long Accept: " + accept.status());
    RawHttp.Answer unterminated =
        postJson(
            "api/echo",
            "{\"message\":\"ok\"}",
            "Accept: application/json; a=\"" + "x".repeat(length));
    assertProblem(400, unterminated);
    assertEquals("Accept", field(unterminated));
  }

  /**
   * Methods a path does not take are 405 (not a 501 incident); the error page is no page by URL;
   * dot segments are resolved before the request is routed.
   */
  @Test
  void strayMethodsAndPathsAreClientErrors() {
    for (String method : List.of("PATCH", "PUT", "DELETE")) {
      RawHttp.Answer metrics =
          http.send(method + " " + root + "metrics HTTP/1.1\r\nContent-Length: 0", "");
      assertProblem(405, metrics);
    }
    assertProblem(404, http.send("GET " + root + ".problem HTTP/1.1", ""));
    assertProblem(404, http.send("POST " + root + ".problem HTTP/1.1\r\nContent-Length: 0", ""));
    assertProblem(
        404, http.send("GET /openapi/ui/../.." + root + "WEB-INF/beans.xml HTTP/1.1", ""));
    RawHttp.Answer normalized = http.send("GET /health/.." + root + "api/connection HTTP/1.1", "");
    assertEquals(200, normalized.status(), "/health/.. is the root: " + normalized);
    assertTrue(normalized.body().contains("callerNamespace"), normalized.toString());
  }

  /**
   * Java's HTTP client offers every plain-HTTP request an upgrade to HTTP/2 ({@code h2c}). Liberty
   * leaves such a request unanswered when it forwards it internally (to a welcome file or an error
   * page), so the page and a missing file are answered without one.
   */
  @ParameterizedTest
  @CsvSource({"'', 200", "index.html, 200", "no-such-file.js, 404", "a/b/c, 404", "api/nope, 404"})
  void anHttp2UpgradeOfferIsAnswered(String path, int expected) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.toURI().resolve(path))
                .timeout(Duration.ofSeconds(15))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(expected, response.statusCode(), "GET /" + path + " offering h2c");
  }
}
