package io.nexusliberty.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The application's root ({@code /}): the page, served here rather than as a welcome file. Liberty
 * leaves an HTTP/2 upgrade request ({@code h2c}, as Java's HTTP client sends) for a welcome file
 * unanswered when the application has security constraints.
 */
public class PageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      super.service(request, response);
      return;
    }
    // As the file server answers any other method on a file.
    response.setHeader("Allow", "GET, HEAD");
    response.sendError(405);
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
