package io.nexusliberty.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Answers the errors JAX-RS raises itself (unknown path, wrong method, wrong media type) as {@code
 * application/problem+json} too.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response.StatusType status = exception.getResponse().getStatusInfo();
    String detail =
        status.getStatusCode() == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()
            ? "Send the request body as JSON, with the header Content-Type: application/json"
            : exception.getMessage();
    return ProblemResponses.of(status, status.getReasonPhrase(), detail, Map.of());
  }
}
