package io.nexusliberty.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.problem.RequestLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request body is read strictly, and every text field is checked before it is used. */
class JsonRequestTest {

  private static JsonRequest read(byte[] body) {
    return JsonRequest.read(new ByteArrayInputStream(body));
  }

  private static JsonRequest read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiProblem refused(Runnable request) {
    return assertThrows(ApiProblem.class, request::run);
  }

  @Test
  void readsOneObjectWithItsFields() {
    JsonRequest request = read(" {\"name\": \"Ada 👩‍💻\", \"language\": \"en\"}\r\n ");

    assertEquals("Ada 👩‍💻", request.requiredText("name", 100));
    assertEquals("en", request.requiredText("language", 8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"message\":\"x\"} y",
        "{\"message\":\"x\"}{\"message\":\"y\"}",
        "{\"message\":\"x\"} // comment",
        "{\"message\":\"x\"},",
        "[{\"message\":\"x\"}]",
        "\"x\"",
        "{\"message\":\"x\"",
        "{message:\"x\"}",
        "{\"message\":'x'}"
      })
  void refusesAnythingButExactlyOneJsonObject(String body) {
    ApiProblem problem = refused(() -> read(body));

    assertEquals(400, problem.status().getStatusCode(), problem.detail());
    assertEquals("body", problem.extensions().get("field"), problem.detail());
  }

  @Test
  void refusesJsonNestedDeeply() {
    String body = "{\"message\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

    ApiProblem problem = refused(() -> read(body));

    assertEquals(400, problem.status().getStatusCode());
    assertEquals("body", problem.extensions().get("field"));
  }

  @Test
  void refusesBodiesThatAreNotUtf8() {
    byte[][] bodies = {
      {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
      "{\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
      "{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_16),
      {'{', '"', 'm', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
    };
    for (byte[] body : bodies) {
      ApiProblem problem = refused(() -> read(body));

      assertEquals(400, problem.status().getStatusCode(), problem.detail());
      assertTrue(problem.detail().contains("UTF-8"), problem.detail());
    }
  }

  @Test
  void refusesARepeatedMember() {
    ApiProblem problem = refused(() -> read("{\"name\":\"a\",\"language\":\"en\",\"name\":\"b\"}"));

    assertEquals("name", problem.extensions().get("field"));
    assertTrue(problem.detail().contains("more than once"), problem.detail());
  }

  @Test
  void namesARepeatedMemberOutsideTheBasicPlaneAsItIs() {
    // U+1D800: its low 16 bits look like a surrogate, but it is a character like any other.
    ApiProblem problem = refused(() -> read("{\"\ud836\udc00\":1,\"\ud836\udc00\":2}"));

    assertEquals("\ud836\udc00", problem.extensions().get("field"));
  }

  @Test
  void refusesABodyOverTheLimit() {
    String body = "{\"message\":\"" + "x".repeat(RequestLimits.MAX_BODY_BYTES) + "\"}";

    assertEquals(413, refused(() -> read(body)).status().getStatusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\ud800",
        "a\\udc00b",
        "\\u0000",
        "\\u0007",
        "\\u001b[31m",
        "a\\rb",
        "a\\nb",
        "\\tAda",
        "\\u007f",
        "\\u0085",
        "\\u202eevil",
        "\\u2066x\\u2069"
      })
  void refusesSurrogatesControlsAndBidiOverridesNamingTheField(String escaped) {
    JsonRequest request = read("{\"name\":\"Ada" + escaped + "\"}");

    ApiProblem problem = refused(() -> request.requiredText("name", 100));

    assertEquals(400, problem.status().getStatusCode());
    assertEquals("name", problem.extensions().get("field"));
    assertTrue(problem.detail().contains("U+"), "names the character: " + problem.detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "\\u00a0", "\\u200b", "\\u3000\\ufeff", "\\u2060 \\u180e", "\\u3164"})
  void refusesNamesWithNothingVisible(String escaped) {
    JsonRequest request = read("{\"name\":\"" + escaped + "\"}");

    ApiProblem problem = refused(() -> request.requiredText("name", 100));

    assertEquals("The field \"name\" must not be blank", problem.detail());
  }

  @Test
  void countsCharactersNotUtf16Units() {
    JsonRequest request = read("{\"name\":\"" + "👋".repeat(100) + "\"}");

    assertEquals("👋".repeat(100), request.requiredText("name", 100));
    assertEquals(400, refused(() -> request.requiredText("name", 99)).status().getStatusCode());
  }
}
