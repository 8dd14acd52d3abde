package io.nexusliberty.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the errors JAX-RS raises itself (unknown path, wrong method, wrong media type) as {@code
 * application/problem+json} too.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    // The framework's own message (RESTEASY003210: ...) never reaches the client.
    Response problem = ProblemResponses.of(HttpStatuses.problem(status));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? problem
        : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
  }
}
