package io.nexusliberty.api.problem;

import jakarta.ws.rs.core.Response;

/**
 * The application's own words for the HTTP errors that the container or JAX-RS raise: a title and a
 * detail that say what to do, never the framework's message.
 */
public final class HttpStatuses {

  private HttpStatuses() {}

  /** The problem answering this status, in the application's words. */
  public static ApiProblem problem(int status) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    if (type == null) {
      type =
          new Response.StatusType() {
            @Override
            public int getStatusCode() {
              return status;
            }

            @Override
            public Response.Status.Family getFamily() {
              return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
              return title(status);
            }
          };
    }
    return new ApiProblem(type, title(status), detail(status));
  }

  public static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return switch (status) {
      case 408 -> "Request timeout";
      case 431 -> "Request header fields too large";
      default -> known == null ? "Error " + status : known.getReasonPhrase();
    };
  }

  public static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request is malformed: its URL, headers or body cannot be read as HTTP; URLs may"
              + " hold only URL characters, with valid %-escapes";
      case 401 ->
          "This API requires authentication: send credentials the server accepts, such as a user"
              + " and password or a bearer token";
      case 403 -> "This request is not allowed";
      case 404 -> "There is nothing at this path; the API is described at /openapi";
      case 405 -> "This method is not allowed on this path; the API is described at /openapi";
      case 406 -> "The API answers application/json (errors: application/problem+json)";
      case 408 ->
          "The request body did not arrive within " + RequestLimits.BODY_TIMEOUT.toSeconds() + " s";
      case 411 -> "Send the request body with a Content-Length";
      case 413 -> "The request body is larger than " + RequestLimits.MAX_BODY_BYTES + " bytes";
      case 414 -> "The URL is too long";
      case 415 -> "Send the request body as JSON, with the header Content-Type: application/json";
      case 431 -> "The request headers are too large";
      default -> title(status);
    };
  }
}
