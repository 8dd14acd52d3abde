package io.nexusliberty.api.problem;

import io.nexusliberty.temporal.health.TemporalUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An error answer of the API, written as {@code application/problem+json} (RFC 9457) by {@link
 * ApiProblemMapper}; extension members such as {@code field} or {@code workflowId} say which input
 * or workflow it is about.
 */
public class ApiProblem extends RuntimeException {

  private static final Set<String> STANDARD_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance");

  private final Response.StatusType status;
  private final String title;
  private final Map<String, String> extensions = new LinkedHashMap<>();

  public ApiProblem(Response.StatusType status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  /** A 400 answer about one field of the request body. */
  public static ApiProblem invalidField(String field, String detail) {
    return new ApiProblem(Response.Status.BAD_REQUEST, "Invalid request", detail)
        .with("field", field);
  }

  /** A 503 answer: Temporal did not serve the request, saying why and about which workflow. */
  public static ApiProblem temporalUnavailable(TemporalUnavailableException unavailable) {
    ApiProblem problem =
        new ApiProblem(
            Response.Status.SERVICE_UNAVAILABLE, "Temporal unavailable", unavailable.getMessage());
    return unavailable.workflowId() == null
        ? problem
        : problem.with("workflowId", unavailable.workflowId());
  }

  /** Adds an extension member, such as {@code workflowId}; never one of the standard members. */
  public ApiProblem with(String name, String value) {
    if (STANDARD_MEMBERS.contains(name)) {
      throw new IllegalArgumentException(name + " is a standard problem member");
    }
    extensions.put(name, value);
    return this;
  }

  public Response.StatusType status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, String> extensions() {
    return Map.copyOf(extensions);
  }
}
