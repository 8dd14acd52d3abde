package io.nexusliberty.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A servlet that only serves reads: {@code GET} and {@code HEAD} (and whichever other methods it
 * names); any other method is 405 with {@code Allow: GET, HEAD}, where {@link HttpServlet} would
 * answer a method it does not know ({@code PATCH}) with 501, a server error.
 */
public abstract class ReadOnlyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final Set<String> methods;

  /**
   * @param alsoServed methods served besides GET and HEAD, such as OPTIONS
   */
  protected ReadOnlyServlet(String... alsoServed) {
    Set<String> served = new HashSet<>(Set.of("GET", "HEAD"));
    served.addAll(List.of(alsoServed));
    this.methods = Set.copyOf(served);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (methods.contains(request.getMethod())) {
      super.service(request, response);
      return;
    }
    response.setHeader("Allow", "GET, HEAD");
    response.sendError(405);
  }
}
