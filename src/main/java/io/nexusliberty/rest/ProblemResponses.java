package io.nexusliberty.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Writes {@code application/problem+json} answers (RFC 9457). */
final class ProblemResponses {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private ProblemResponses() {}

  static Response of(
      Response.StatusType status, String title, String detail, Map<String, String> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status.getStatusCode())
            .add("detail", detail == null ? title : detail);
    extensions.forEach(body::add);
    return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
  }
}
