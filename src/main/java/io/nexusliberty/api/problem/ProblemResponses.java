package io.nexusliberty.api.problem;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes {@code application/problem+json} answers (RFC 9457). */
public final class ProblemResponses {

  /** The media type of problem documents. */
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  /**
   * The JSON provider, looked up once: {@code Json.createParser} and the like look it up on every
   * call, a search of the class path that cost every request more than parsing its body.
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private ProblemResponses() {}

  public static Response of(
      Response.StatusType status, String title, String detail, Map<String, String> extensions) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(json(status.getStatusCode(), title, detail, extensions))
        .build();
  }

  /** The answer to a problem. */
  public static Response of(ApiProblem problem) {
    return of(problem.status(), problem.title(), problem.detail(), problem.extensions());
  }

  /** The problem document as JSON text. */
  public static String json(
      int status, String title, String detail, Map<String, String> extensions) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail);
    extensions.forEach(body::add);
    return body.build().toString();
  }

  /** Writes a problem from a servlet filter or servlet, where JAX-RS does not answer. */
  public static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    write(
        response,
        problem.status().getStatusCode(),
        problem.title(),
        problem.detail(),
        problem.extensions());
  }

  /** Writes a problem from a servlet filter or servlet, where JAX-RS does not answer. */
  public static void write(
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
