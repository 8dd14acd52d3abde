package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain call, answered where its body was read, gets the very answer JAX-RS gives the same call:
 * each request is sent plain ({@code Content-Type: application/json}) and again with a charset that
 * only JAX-RS takes, and the two answers match in status, media type, the {@code Location}'s form
 * and the body (IDs aside).
 */
@ExtendWith(ArquillianExtension.class)
class DirectCallsIT {

  private static final String PLAIN = "application/json";

  /** The same media type as far as the API is concerned, but no plain call: JAX-RS answers it. */
  private static final String THROUGH_JAX_RS = "application/json; charset=ISO-8859-1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("direct-calls").build();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private record Call(String path, String body, String idempotencyKey) {}

  @Test
  void answersAsJaxRsAnswers() throws Exception {
    String key = "direct-" + UUID.randomUUID();
    List<Call> calls =
        List.of(
            new Call("api/echo", "{\"message\":\"Nexus Echo 👋\"}", null),
            new Call("api/hello", "{\"name\":\"Ada\",\"language\":\"FR\"}", null),
            new Call("api/hello?wait=false", "{\"name\":\"Grace\",\"language\":\"de\"}", null),
            new Call("api/echo?wait=TRUE", "{\"message\":\"waits\"}", null),
            new Call("api/echo", "{\"message\":\"keyed\"}", key),
            new Call("api/echo", "{\"message\":\"keyed\"}", key),
            new Call("api/echo", "{\"message\":\"another body\"}", key),
            new Call("api/echo", "{\"message\":\" \"}", null),
            new Call("api/echo", "{\"message\":\"bell\\u0007\"}", null),
            new Call("api/echo", "{\"message\":1}", null),
            new Call("api/echo", "[]", null),
            new Call("api/echo", "{\"message\":\"a\",\"message\":\"b\"}", null),
            new Call("api/echo", "{\"message\":\"" + "x".repeat(1001) + "\"}", null),
            new Call("api/hello", "{\"name\":\"Ada\",\"language\":\"xx\"}", null),
            new Call("api/hello", "{\"name\":\"Ada\"}", null),
            new Call("api/hello?wait=maybe", "{\"name\":\"Ada\",\"language\":\"en\"}", null));
    for (Call call : calls) {
      HttpResponse<String> direct = send(call, PLAIN);
      HttpResponse<String> jaxRs = send(call, THROUGH_JAX_RS);
      String what = call + ": direct " + direct.body() + ", JAX-RS " + jaxRs.body();
      assertEquals(jaxRs.statusCode(), direct.statusCode(), what);
      assertEquals(contentType(jaxRs), contentType(direct), what);
      assertEquals(withoutIds(location(jaxRs)), withoutIds(location(direct)), what);
      assertEquals(withoutIds(jaxRs.body()), withoutIds(direct.body()), what);
    }
  }

  private HttpResponse<String> send(Call call, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(call.body()));
    if (call.idempotencyKey() != null) {
      request.header("Idempotency-Key", call.idempotencyKey());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> contentType(HttpResponse<String> answer) {
    return answer.headers().firstValue("Content-Type");
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  /** The text with workflow and run IDs (UUIDs) blanked: each call starts a workflow of its own. */
  private static String withoutIds(String text) {
    return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
  }
}
