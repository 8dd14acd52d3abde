package io.nexusliberty.rest;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes {@code application/problem+json} answers (RFC 9457). */
final class ProblemResponses {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private ProblemResponses() {}

  static Response of(
      Response.StatusType status, String title, String detail, Map<String, String> extensions) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(json(status.getStatusCode(), title, detail, extensions))
        .build();
  }

  /** The answer to a problem. */
  static Response of(ApiProblem problem) {
    return of(problem.status(), problem.title(), problem.detail(), problem.extensions());
  }

  /** The problem document as JSON text. */
  static String json(int status, String title, String detail, Map<String, String> extensions) {
    JsonObjectBuilder body =
        JsonRequest.JSON
            .createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail);
    extensions.forEach(body::add);
    return body.build().toString();
  }

  /** Writes a problem from a servlet filter or servlet, where JAX-RS does not answer. */
  static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    write(
        response,
        problem.status().getStatusCode(),
        problem.title(),
        problem.detail(),
        problem.extensions());
  }

  /** Writes a problem from a servlet filter or servlet, where JAX-RS does not answer. */
  static void write(
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      Map<String, String> extensions)
      throws IOException {
    byte[] body = json(status, title, detail, extensions).getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
