package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,400 requests generated from a seed (system property {@code fuzz.seed}, printed, so that a
 * failure can be replayed) across every endpoint, in nine classes: mutated JSON bodies, bodies in
 * other encodings, odd headers, odd URLs, every method on every path, odd framing, the Host of a
 * page that re-pointed its name at this machine (DNS rebinding: 421, nothing started), media-type
 * headers of up to 30,000 characters, and well-formed calls. Each answer must have a documented
 * status, within 5 s; every error must be a problem document without internals; every accepted call
 * must complete with its own result.
 *
 * <p>Not generated: what Liberty's HTTP channel and web container refuse before any application
 * sees the request (a malformed request line or header, headers over its limit, a path with an
 * invalid or control-character %-escape, or a ';' path parameter followed by escapes; TRACE outside
 * the API): those get Liberty's own 400 or 403, which no application can change.
 */
@ExtendWith(ArquillianExtension.class)
class HttpFuzzIT {

  private static final Logger LOG = Logger.getLogger(HttpFuzzIT.class.getName());
  private static final Set<Integer> DOCUMENTED =
      Set.of(200, 202, 400, 403, 404, 405, 406, 408, 409, 413, 415, 421);
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  /**
   * Log lines that a bad request must not cause: the application's errors and warnings, and the
   * frameworks' reports of exceptions escaping it (stack traces).
   */
  private static final java.util.regex.Pattern APPLICATION_COMPLAINTS =
      java.util.regex.Pattern.compile(
          "io\\.nexusliberty\\.\\S+ +[EW] |SRVE0777E|RESTEASY\\d|UnexpectedErrorMapper");

  /** The integration-test server's messages.log, line by line. */
  private static List<String> serverLog() {
    try {
      return java.nio.file.Files.readAllLines(
          java.nio.file.Path.of(System.getProperty("it.server.dir"), "logs", "messages.log"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("fuzz").build();
  }

  @ArquillianResource URL base;

  /** One generated request, and for a well-formed call the result it must end with. */
  private record Case(String kind, String head, byte[] body, String expectedResult) {}

  /** One answered case. */
  private record Outcome(Case request, RawHttp.Answer answer) {}

  @Test
  void everyGeneratedRequestGetsADocumentedAnswer() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261122L);
    LOG.info(() -> "HTTP fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    RawHttp http = new RawHttp(base);
    String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    List<Case> cases = new Generator(new Random(seed), root, http.hostHeader()).cases();
    assertTrue(cases.size() >= 1000, "cases: " + cases.size());

    int logLinesBefore = serverLog().size();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Outcome>> answers = new ArrayList<>();
    for (Case request : cases) {
      answers.add(
          clients.submit(
              () ->
                  new Outcome(
                      request, http.send(request.head(), request.body(), Duration.ofSeconds(15)))));
    }
    List<String> wrong = new ArrayList<>();
    Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<Outcome> accepted = new ArrayList<>();
    for (Future<Outcome> future : answers) {
      Outcome outcome = future.get(60, TimeUnit.SECONDS);
      RawHttp.Answer answer = outcome.answer();
      byKind
          .computeIfAbsent(outcome.request().kind(), kind -> new TreeMap<>())
          .merge(answer.status(), 1, Integer::sum);
      byStatus.merge(answer.status(), 1, Integer::sum);
      String verdict = verdict(outcome);
      if (!verdict.isEmpty()) {
        wrong.add(verdict);
      } else if (answer.status() == 200 || answer.status() == 202) {
        accepted.add(outcome);
      }
    }
    clients.shutdownNow();
    wrong.addAll(completions(http, root, accepted));
    TemporalDevServer.sleep(Duration.ofSeconds(1));
    List<String> logged = serverLog();
    List<String> complaints =
        logged.subList(Math.min(logLinesBefore, logged.size()), logged.size()).stream()
            .filter(line -> APPLICATION_COMPLAINTS.matcher(line).find())
            .toList();
    complaints.stream().limit(5).forEach(line -> wrong.add("logged: " + line));
    LOG.info(
        () ->
            "HTTP fuzz: "
                + cases.size()
                + " requests, answers by status "
                + byStatus
                + "; by class "
                + byKind
                + "; "
                + accepted.size()
                + " accepted calls checked to completion; "
                + wrong.size()
                + " wrong");

    wrong.forEach(line -> LOG.warning(line));
    assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " wrong answers");
  }

  private static String verdict(Outcome outcome) {
    RawHttp.Answer answer = outcome.answer();
    String what = outcome.request().kind() + " " + firstLine(outcome.request().head()) + " -> ";
    if (!DOCUMENTED.contains(answer.status())) {
      return what + "undocumented status: " + answer;
    }
    if (answer.took().compareTo(ANSWER_WITHIN) > 0) {
      return what + "answered after " + answer.took().toMillis() + " ms: " + answer;
    }
    if (HostileInputIT.INTERNALS.matcher(answer.toString()).find()) {
      return what + "internals in the answer: " + answer;
    }
    boolean head = outcome.request().head().startsWith("HEAD ");
    if (answer.status() >= 400 && !head && !answer.isProblem()) {
      return what + "an error that is not problem+json: " + answer;
    }
    if (answer.status() >= 400 && !head) {
      try {
        JsonObject problem = answer.json();
        if (problem.getInt("status") != answer.status() || problem.getString("detail").isBlank()) {
          return what + "a problem that does not say what was wrong: " + answer;
        }
      } catch (RuntimeException e) {
        return what + "a problem document that is not JSON: " + answer;
      }
    }
    if (outcome.request().kind().equals("host")) {
      boolean foreign = isForeignHost(outcome.request().head());
      if (foreign != (answer.status() == 421)) {
        return what
            + (foreign ? "a foreign Host not refused with 421: " : "its own Host refused: ")
            + answer;
      }
    }
    String expected = outcome.request().expectedResult();
    if (expected != null && answer.status() != 202) {
      return what + "a well-formed call with ?wait=false not answered 202: " + answer;
    }
    return "";
  }

  /** Whether a request's Host names another host than localhost or an IP address. */
  private static boolean isForeignHost(String head) {
    String host =
        head.lines()
            .filter(line -> line.regionMatches(true, 0, "Host:", 0, 5))
            .findFirst()
            .map(line -> line.substring(5).strip())
            .orElse("");
    String name = host.startsWith("[") ? host : host.replaceFirst(":[0-9]*$", "");
    return !(name.equalsIgnoreCase("localhost")
        || name.startsWith("[")
        || name.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+"));
  }

  /** Every accepted call ends completed, and a well-formed one with its own result. */
  private static List<String> completions(RawHttp http, String root, List<Outcome> accepted) {
    List<String> wrong = new ArrayList<>();
    Map<String, String> expected = new ConcurrentHashMap<>();
    for (Outcome outcome : accepted) {
      if (outcome.request().head().startsWith("HEAD ") || !outcome.answer().isJson()) {
        continue;
      }
      JsonObject json = outcome.answer().json();
      if (!json.containsKey("workflowId") || !json.containsKey("runId")) {
        continue;
      }
      String workflowId = json.getString("workflowId");
      expected.put(
          workflowId,
          outcome.request().expectedResult() == null ? "" : outcome.request().expectedResult());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (Map.Entry<String, String> call : expected.entrySet()) {
      JsonObject status =
          RealServerChecks.await(
              () ->
                  http.send("GET " + root + "api/workflows/" + call.getKey() + " HTTP/1.1", "")
                      .json(),
              json -> !"running".equals(json.getString("status", "running")),
              Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (!"completed".equals(status.getString("status", ""))
          || (!call.getValue().isEmpty() && !call.getValue().equals(status.getString("result")))) {
        wrong.add(
            "accepted call did not complete right: expected " + call.getValue() + ", " + status);
      }
    }
    return wrong;
  }

  private static String firstLine(String head) {
    return head.lines().findFirst().orElse("");
  }

  /** Makes the cases, all from one seeded random source. */
  private static final class Generator {

    private static final String[] LANGUAGES = {"en", "fr", "de", "es", "tr"};
    private static final String[] GREETINGS = {"Hello", "Bonjour", "Hallo", "¡Hola!", "Merhaba"};
    private static final String[] CONTENT_TYPES = {
      "application/json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "",
      "a/b/c",
      "json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "*/*",
      ";;;"
    };
    private static final String[] ACCEPTS = {
      "*/*", "application/json", "application/xml", "text/html", ";;;/", "application/*", "q=0"
    };
    // No TRACE: outside the API, Liberty's web container refuses it itself (403, its own page).
    private static final String[] METHODS = {
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FOO", "PROPFIND"
    };

    private final Random random;
    private final String root;
    private final String host;

    Generator(Random random, String root, String host) {
      this.random = random;
      this.root = root;
      this.host = host;
    }

    List<Case> cases() {
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        cases.add(mutatedBody());
      }
      for (int i = 0; i < 100; i++) {
        cases.add(otherEncoding());
      }
      for (int i = 0; i < 200; i++) {
        cases.add(oddHeaders());
      }
      for (int i = 0; i < 200; i++) {
        cases.add(oddUrl());
      }
      for (int i = 0; i < 100; i++) {
        cases.add(anyMethod());
      }
      for (int i = 0; i < 100; i++) {
        cases.add(oddFraming());
      }
      for (int i = 0; i < 100; i++) {
        cases.add(foreignHost());
      }
      for (int i = 0; i < 100; i++) {
        cases.add(longMediaType());
      }
      for (int i = 0; i < 200; i++) {
        cases.add(wellFormed());
      }
      return cases;
    }

    private String endpoint() {
      return random.nextBoolean() ? "api/echo" : "api/hello";
    }

    private String validBody(String endpoint) {
      return endpoint.equals("api/echo")
          ? Json.createObjectBuilder().add("message", text(20)).build().toString()
          : Json.createObjectBuilder()
              .add("name", text(20))
              .add("language", LANGUAGES[random.nextInt(LANGUAGES.length)])
              .build()
              .toString();
    }

    private Case post(String kind, String path, String extraHeaders, byte[] body, String expected) {
      return new Case(
          kind,
          "POST "
              + root
              + path
              + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + extraHeaders,
          body,
          expected);
    }

    private Case mutatedBody() {
      String endpoint = endpoint();
      String body = validBody(endpoint);
      String mutated =
          switch (random.nextInt(12)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> body + pick(" y", "{}", "//c", ",", "]", "\u0000", " {\"a\":1}");
            case 2 -> "[" + body + "]";
            case 3 -> body.replaceFirst("\"(message|name)\":\"", "\"$1\":\"" + escapedOddity());
            case 4 -> body.replaceFirst(":\"[^\"]*\"", ":" + pick("1", "true", "null", "[]", "{}"));
            case 5 -> body.replace("}", ",\"" + pick("message", "name", "language") + "\":\"x\"}");
            case 6 -> "{\"message\":" + "[".repeat(1 + random.nextInt(3000)) + "}";
            case 7 -> body.replace("\"", pick("'", "", "\\\""));
            case 8 -> pick("", " ", "null", "0", "\"text\"", "{}", "{\"\":\"\"}");
            case 9 ->
                body.replaceFirst(":\"[^\"]*\"", ":\"" + "x".repeat(random.nextInt(20000)) + "\"");
            case 10 -> body.replace("{", "{\"extra\":" + pick("1", "[1,2]", "{\"a\":{}}") + ",");
            default -> insertAt(body, randomCodePoint());
          };
      return post("mutated-json", endpoint + waitQuery(), "", bytes(mutated), null);
    }

    private Case otherEncoding() {
      String endpoint = endpoint();
      String body = validBody(endpoint);
      byte[] encoded =
          switch (random.nextInt(5)) {
            case 0 -> body.getBytes(StandardCharsets.UTF_16);
            case 1 -> body.getBytes(StandardCharsets.UTF_16LE);
            case 2 -> body.getBytes(Charset.forName("UTF-32"));
            case 3 ->
                (body.replace("}", "") + ",\"x\":\"caf\u00e9\"}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            default -> {
              byte[] utf8 = bytes(body);
              utf8[1 + random.nextInt(utf8.length - 2)] = (byte) (0x80 + random.nextInt(0x80));
              yield utf8;
            }
          };
      return post("encoding", endpoint + waitQuery(), "", encoded, null);
    }

    private Case oddHeaders() {
      String endpoint = endpoint();
      byte[] body = bytes(validBody(endpoint));
      StringBuilder headers = new StringBuilder();
      String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
      if (random.nextInt(5) > 0) {
        headers.append("\r\nAccept: ").append(ACCEPTS[random.nextInt(ACCEPTS.length)]);
      }
      switch (random.nextInt(4)) {
        case 0 -> headers.append("\r\nIdempotency-Key: ").append(key());
        case 1 ->
            headers
                .append("\r\nIdempotency-Key: ")
                .append(key())
                .append("\r\nIdempotency-Key: ")
                .append(key());
        default -> {}
      }
      switch (random.nextInt(4)) {
        case 0 -> headers.append("\r\nOrigin: http://").append(host);
        case 1 ->
            headers
                .append("\r\nOrigin: ")
                .append(pick("http://evil.example", "null", "https://" + host, "file://"));
        default -> {}
      }
      String head =
          "POST "
              + root
              + endpoint
              + waitQuery()
              + " HTTP/1.1"
              + (random.nextInt(6) == 0 ? "" : "\r\nContent-Type: " + type)
              + "\r\nContent-Length: "
              + body.length
              + headers;
      return new Case("headers", head, body, null);
    }

    /**
     * A request under a Host this application is not (a rebinding page's own name), with or without
     * that page's Origin; or under one it is (its loopback names and IP literals), which is served.
     */
    private Case foreignHost() {
      String port = host.substring(host.lastIndexOf(':'));
      String name =
          pick(
              "evil.example",
              "evil.example" + port,
              "rebind.attacker.test" + port,
              "localhost.evil.example" + port,
              "127.0.0.1.nip.example" + port,
              "localhost" + port,
              "127.0.0.1" + port,
              "[::1]" + port,
              "LOCALHOST" + port);
      String origin = random.nextBoolean() ? "\r\nOrigin: http://" + name : "";
      String path =
          pick("api/echo?wait=false", "api/hello?wait=false", "api/connection", "metrics", "");
      boolean post = path.startsWith("api/echo") || path.startsWith("api/hello");
      byte[] body = post ? bytes(validBody(path.substring(0, path.indexOf('?')))) : new byte[0];
      String head =
          (post ? "POST " : "GET ")
              + root
              + path
              + " HTTP/1.1\r\nHost: "
              + name
              + origin
              + (post
                  ? "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                  : "");
      return new Case("host", head, body, null);
    }

    /** A Content-Type or Accept of media types with a parameter of thousands of characters. */
    private Case longMediaType() {
      String endpoint = endpoint();
      byte[] body = bytes(validBody(endpoint));
      String value = "x".repeat(500 + random.nextInt(30_000));
      String parameter =
          switch (random.nextInt(4)) {
            case 0 -> "; a=\"" + value + "\"";
            case 1 -> "; a=" + value;
            case 2 -> "; a=\"" + value;
            default -> "; a=b".repeat(1 + value.length() / 5);
          };
      boolean accept = random.nextBoolean();
      String head =
          "POST "
              + root
              + endpoint
              + waitQuery()
              + " HTTP/1.1\r\nContent-Type: application/json"
              + (accept ? "\r\nAccept: application/json" : "")
              + parameter
              + "\r\nContent-Length: "
              + body.length;
      return new Case("media-type", head, body, null);
    }

    private Case oddUrl() {
      String path =
          switch (random.nextInt(6)) {
            case 0 -> "api/workflows/" + segment();
            case 1 -> "api/workflows/" + segment() + "/cancel";
            case 2 -> "api/" + segment();
            case 3 -> segment();
            case 4 ->
                "api/workflows/"
                    + pick("hello-caller-", "echo-caller-key-", "hello-de-")
                    + segment();
            default ->
                "api/connection?"
                    + segment()
                    + "="
                    + pick("%", "%zz", "%00", "%C3%28", "x&x", "%E2%80%AE");
          };
      String method = path.endsWith("/cancel") ? "POST" : "GET";
      String head = method + " " + root + path + " HTTP/1.1";
      if (method.equals("POST")) {
        head += "\r\nContent-Type: application/json\r\nContent-Length: 0";
      }
      return new Case("url", head, new byte[0], null);
    }

    private Case anyMethod() {
      String method = METHODS[random.nextInt(METHODS.length)];
      String path =
          pick(
              "api/echo",
              "api/hello",
              "api/connection",
              "api/workflows/hello-caller-key-x",
              "api/workflows/hello-caller-key-x/cancel",
              "",
              "index.html",
              "app.css",
              ".problem",
              "WEB-INF/web.xml",
              "metrics");
      byte[] body =
          method.equals("GET") || method.equals("HEAD")
              ? new byte[0]
              : bytes(validBody("api/echo"));
      return new Case(
          "method",
          method
              + " "
              + root
              + path
              + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length,
          body,
          null);
    }

    private Case oddFraming() {
      String endpoint = endpoint();
      byte[] body = bytes(validBody(endpoint));
      String start =
          "POST " + root + endpoint + "?wait=false HTTP/1.1\r\nContent-Type: application/json";
      return switch (random.nextInt(6)) {
        case 0 ->
            new Case(
                "framing",
                start + "\r\nTransfer-Encoding: chunked",
                bytes(
                    Integer.toHexString(body.length)
                        + "\r\n"
                        + new String(body, StandardCharsets.UTF_8)
                        + "\r\n0\r\n\r\n"),
                null);
        case 1 ->
            new Case(
                "framing",
                start + "\r\nTransfer-Encoding: chunked",
                bytes(
                    pick("zz", "-1", "ffffffffffff", "")
                        + "\r\n"
                        + new String(body, StandardCharsets.UTF_8)
                        + "\r\n0\r\n\r\n"),
                null);
        case 2 -> new Case("framing", start + "\r\nTransfer-Encoding: chunked", body, null);
        case 3 ->
            new Case(
                "framing",
                start + "\r\nContent-Length: " + (body.length + 1 + random.nextInt(100)),
                body,
                null);
        case 4 ->
            new Case(
                "framing",
                start
                    + "\r\nContent-Length: "
                    + pick("100000000000", "16385", "99999999999999999999"),
                body,
                null);
        default ->
            new Case("framing", start + "\r\nContent-Length: " + pick("abc", "-1", ""), body, null);
      };
    }

    private Case wellFormed() {
      int language = random.nextInt(LANGUAGES.length);
      String text = text(1 + random.nextInt(30)).strip();
      if (text.isEmpty()) {
        text = "x";
      }
      boolean echo = random.nextBoolean();
      String body =
          echo
              ? Json.createObjectBuilder().add("message", text).build().toString()
              : Json.createObjectBuilder()
                  .add("name", text)
                  .add("language", LANGUAGES[language])
                  .build()
                  .toString();
      String expected = echo ? text : GREETINGS[language] + " " + text + " 👋";
      return post(
          "well-formed",
          (echo ? "api/echo" : "api/hello") + "?wait=false",
          "",
          bytes(body),
          expected);
    }

    /** Printable text from several scripts, emoji included; no control or format characters. */
    private String text(int length) {
      StringBuilder text = new StringBuilder();
      int[][] ranges = {
        {0x21, 0x7E},
        {0xC0, 0x17F},
        {0x391, 0x3C9},
        {0x410, 0x44F},
        {0x4E00, 0x4E80},
        {0x1F600, 0x1F64F}
      };
      for (int i = 0; i < length; i++) {
        int[] range = ranges[random.nextInt(ranges.length)];
        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        if (random.nextInt(6) == 0) {
          text.append(' ');
        }
      }
      return text.toString();
    }

    private String escapedOddity() {
      return pick(
          "\\ud800", "\\udfff", "\\u0000", "\\u0007", "\\u001b", "\\r", "\\n", "\\t", "\\u007f",
          "\\u0085", "\\u202e", "\\u2066", "\\u00a0", "\\u200b", "\\ufeff", "\\u3000", "\\\\",
          "\\/", "\\x");
    }

    private String randomCodePoint() {
      int codePoint = random.nextInt(0x110000);
      if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
        codePoint = 0xFFFD;
      }
      return new String(Character.toChars(codePoint));
    }

    private String segment() {
      StringBuilder segment = new StringBuilder();
      // No ';': Liberty's web container reads it as the start of path parameters and refuses some
      // of those paths itself, before the application sees them.
      String pieces = "abcXYZ019-._~!$&'()*+,=:@";
      String[] escapes = {
        "%2e",
        "%2E%2E",
        "%2F",
        "%5C",
        "%23",
        "%3F",
        "%20",
        "%25",
        "%C3%A9",
        "%E2%80%AE",
        "%F0%9F%91%8B",
        "%7B",
        "%22",
        "%3C"
      };
      String[] raw = {"{", "}", "|", "^", "\"", "<", ">", "\\", "`"};
      for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
        switch (random.nextInt(10)) {
          case 0, 1 -> segment.append(escapes[random.nextInt(escapes.length)]);
          case 2 -> segment.append(raw[random.nextInt(raw.length)]);
          default -> segment.append(pieces.charAt(random.nextInt(pieces.length())));
        }
      }
      return segment.toString();
    }

    private String key() {
      return switch (random.nextInt(4)) {
        case 0 -> "fuzz-" + Long.toHexString(random.nextLong());
        case 1 -> "x".repeat(95 + random.nextInt(10));
        case 2 -> pick("", " ", "a b", "é", "a,b", "../x", "%41");
        default -> "fuzz." + random.nextInt(1000);
      };
    }

    private String waitQuery() {
      return switch (random.nextInt(6)) {
        case 0 -> "";
        case 1 -> "?wait=true";
        case 2 -> "?wait=" + pick("yes", "", "FALSE", "1");
        case 3 -> "?wait=false&wait=true";
        default -> "?wait=false";
      };
    }

    private String insertAt(String text, String insert) {
      int at = random.nextInt(text.length() + 1);
      return text.substring(0, at) + insert + text.substring(at);
    }

    private String pick(String... choices) {
      return choices[random.nextInt(choices.length)];
    }

    private static byte[] bytes(String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
