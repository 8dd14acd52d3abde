package io.nexusliberty.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The application's root ({@code /}): the page, served here rather than as a welcome file. Liberty
 * leaves an HTTP/2 upgrade request ({@code h2c}, as Java's HTTP client sends) for a welcome file
 * unanswered when the application has security constraints.
 */
public class PageServlet extends ReadOnlyServlet {

  private static final long serialVersionUID = 1L;

  public PageServlet() {
    super("OPTIONS");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (InputStream page = getServletContext().getResourceAsStream("/index.html")) {
      if (page == null) {
        response.sendError(404);
        return;
      }
      byte[] content = page.readAllBytes();
      response.setContentType("text/html; charset=UTF-8");
      response.setContentLength(content.length);
      response.getOutputStream().write(content);
    }
  }
}
