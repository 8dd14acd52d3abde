package io.nexusliberty.web;

import io.nexusliberty.api.problem.HttpStatuses;
import io.nexusliberty.api.problem.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's error page (web.xml): every error the servlet container answers by itself (a
 * malformed URL, a missing file, a body it could not read) becomes a problem document, never the
 * container's HTML page with its message IDs.
 */
public class ProblemErrorServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      // Asked for by its URL: it is no page of the application's.
      answer(request, response, 404, null);
      return;
    }
    // Liberty marks its error dispatches with an empty "$WSEP" header; it says nothing to clients.
    response.setHeader("$WSEP", null);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number && number >= 400 ? number : 500;
    answer(request, response, status, request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
  }

  /** Writes the problem document of an error status; logs a server error under an incident. */
  static void answer(
      HttpServletRequest request, HttpServletResponse response, int status, Object error)
      throws IOException {
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      LOG.log(
          Level.SEVERE,
          "Unexpected error, incident " + incident,
          error instanceof Throwable throwable ? throwable : null);
      ProblemResponses.write(
          response,
          status,
          "Internal error",
          "The request failed unexpectedly; the server log has the details under incident "
              + incident,
          Map.of("incident", incident));
      return;
    }
    ProblemResponses.write(response, HttpStatuses.problem(status));
  }
}
