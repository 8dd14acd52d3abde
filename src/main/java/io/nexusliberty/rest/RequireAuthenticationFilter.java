package io.nexusliberty.rest;

import io.nexusliberty.temporal.TemporalSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * With {@code api.auth-required=true}, refuses to serve the API and {@code /metrics} unless the
 * server authenticated the caller. The WAR's security constraint (web.xml: role {@value #ROLE})
 * does the authenticating wherever the server has a security feature; a server without one ignores
 * the constraint, and this filter then answers 503 instead of serving the API to anyone.
 */
public class RequireAuthenticationFilter extends HttpFilter {

  /** The role web.xml requires for the API and the metrics. */
  public static final String ROLE = "api-user";

  private static final Logger LOG = Logger.getLogger(RequireAuthenticationFilter.class.getName());

  private final AtomicBoolean reported = new AtomicBoolean();

  @Inject TemporalSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (settings.apiAuthRequired() && request.getUserPrincipal() == null) {
      if (reported.compareAndSet(false, true)) {
        LOG.severe(
            TemporalSettings.API_AUTH_REQUIRED
                + "=true, but the server authenticated no caller, so it enforces no security:"
                + " the API answers 503 until server.xml enables a security feature"
                + " (appSecurity-5.0 with a user registry, mpJwt-2.1, or openidConnectClient-1.0)"
                + " and grants the role "
                + ROLE);
      }
      ProblemResponses.write(
          response,
          503,
          "Authentication unavailable",
          "This API requires authentication, but the server enforces no security for it",
          Map.of());
      return;
    }
    chain.doFilter(request, response);
  }
}
