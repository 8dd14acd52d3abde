package io.nexusliberty.web;

import io.nexusliberty.api.problem.HttpStatuses;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.settings.ApiAccess;
import io.nexusliberty.api.settings.ApiSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps other web sites from acting through a user's browser: a request that changes something (a
 * POST) must say it sends JSON, which a foreign page can only do after a CORS preflight that this
 * application never grants, and must not come from a foreign {@code Origin} (only the application's
 * own, and those in {@code api.allowed-origins}). The own origin is never taken from an unchecked
 * {@code Host}: {@link PublicHostFilter} has accepted it first.
 */
public class CrossSiteRequestFilter extends HttpFilter {

  @Inject ApiSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // POST is the only method of the API that changes anything; others answer 405 (or read).
    if (!request.getMethod().equals("POST")) {
      chain.doFilter(request, response);
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !allowed(origin, request)) {
      ProblemResponses.write(
          response,
          403,
          "Cross-site request refused",
          "Requests from another site's pages are refused; to allow a site, add its origin to "
              + ApiSettings.API_ALLOWED_ORIGINS,
          Map.of("field", "Origin"));
      return;
    }
    if (!isJson(request.getContentType())) {
      ProblemResponses.write(response, HttpStatuses.problem(415).with("field", "Content-Type"));
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the origin is the application's own (the one its host filter accepted the request
   * under, or one of {@code api.public-origins}) or one of {@code api.allowed-origins}.
   */
  private boolean allowed(String origin, HttpServletRequest request) {
    String normalized = origin.toLowerCase(Locale.ROOT);
    ApiAccess access = settings.access();
    return normalized.equals(PublicAddress.recorded(request).origin())
        || access.publicOrigins().contains(normalized)
        || access.allowedOrigins().contains(normalized);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json");
  }
}
