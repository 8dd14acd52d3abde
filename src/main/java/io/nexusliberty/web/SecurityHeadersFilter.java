package io.nexusliberty.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Headers every answer carries: no content sniffing, and a Content-Security-Policy that lets the
 * page load only its own files and be framed by no one. It also answers the errors that the
 * application's own servlets send (such as a missing file) with the problem document at once,
 * rather than through the container's error page: Liberty leaves a request that offers an HTTP/2
 * upgrade ({@code h2c}, as Java's HTTP client sends) unanswered when it forwards it to one.
 */
public class SecurityHeadersFilter extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none';"
          + " object-src 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", "no-referrer");
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, new ProblemOnError(request, response));
    } catch (FileNotFoundException | ServletException e) {
      // Liberty's file server throws for a missing file; answered here, not logged as an incident.
      if (!(e instanceof FileNotFoundException || e.getCause() instanceof FileNotFoundException)
          || response.isCommitted()) {
        throw e;
      }
      ProblemErrorServlet.answer(request, response, 404, null);
    }
  }

  /** Answers an error a servlet sends with its problem document, without the error page. */
  private static final class ProblemOnError extends HttpServletResponseWrapper {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ProblemOnError(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
      this.response = response;
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        super.sendError(status, message);
        return;
      }
      ProblemErrorServlet.answer(request, response, status, null);
      response.flushBuffer();
    }
  }
}
