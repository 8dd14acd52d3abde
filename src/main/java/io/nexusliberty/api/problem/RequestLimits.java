package io.nexusliberty.api.problem;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** How large a request body may be and how long it may take, and the answers past them. */
public final class RequestLimits {

  /** Largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  /** How long a client may take to send its request body. */
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(4);

  private RequestLimits() {}

  /** The answer to a body that is not valid HTTP. */
  public static ApiProblem unreadable() {
    return ApiProblem.invalidField(
        "body",
        "The request body could not be read: it is not valid HTTP (for example a broken chunked"
            + " encoding)");
  }

  /** The answer to a body over {@link #MAX_BODY_BYTES}. */
  public static ApiProblem tooLarge() {
    return new ApiProblem(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "Request body too large",
            "The request body is larger than " + MAX_BODY_BYTES + " bytes")
        .with("field", "body");
  }
}
