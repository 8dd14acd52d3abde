package io.nexusliberty.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers any unexpected error with a 500 problem whose {@code incident} matches a log entry, never
 * with a stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable error) {
    return incident(error);
  }

  /** The answer to an unexpected error, logged under a new incident. */
  public static Response incident(Throwable error) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, error);
    return ProblemResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request failed unexpectedly; the server log has the details under incident "
            + incident,
        Map.of("incident", incident));
  }
}
