package io.nexusliberty.api.problem;

import io.nexusliberty.temporal.health.TemporalUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers Temporal's absence as 503 {@code application/problem+json}, saying why. */
@Provider
public class TemporalUnavailableMapper implements ExceptionMapper<TemporalUnavailableException> {

  @Override
  public Response toResponse(TemporalUnavailableException unavailable) {
    return ProblemResponses.of(ApiProblem.temporalUnavailable(unavailable));
  }
}
