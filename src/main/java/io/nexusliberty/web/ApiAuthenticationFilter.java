package io.nexusliberty.web;

import io.nexusliberty.api.problem.HttpStatuses;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.settings.ApiAccess;
import io.nexusliberty.api.settings.ApiAccessReport;
import io.nexusliberty.api.settings.ApiSettings;
import io.nexusliberty.api.workflow.ApiCaller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Decides who calls the API and {@code /metrics}, and whether they may: with tokens configured
 * ({@code mp.jwt.verify.*}) or {@code api.auth-required=true}, the server's own security
 * authenticates the caller (MicroProfile JWT, or what server.xml configures) and the roles {@value
 * ApiAccess#USER_ROLE} and {@value ApiAccess#ADMIN_ROLE} decide; without authentication, anyone may
 * call, but only on the loopback interface unless {@code api.allow-anonymous=true}. Records the
 * {@link ApiCaller} for the resources.
 */
public class ApiAuthenticationFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(ApiAuthenticationFilter.class.getName());

  /** Paths under the API that an {@value ApiAccess#USER_ROLE} may call; the rest needs admin. */
  private static final String[] USER_PATHS = {"/api/echo", "/api/hello", "/api/workflows/"};

  private final AtomicBoolean reportedNoSecurity = new AtomicBoolean();

  @Inject ApiSettings settings;
  @Inject ApiAccessReport report;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ApiAccess access = settings.access();
    if (!access.authenticates()) {
      if (!access.serves(request.getLocalAddr())) {
        refuseAnonymous(response);
        return;
      }
      request.setAttribute(ApiCaller.ATTRIBUTE, ApiCaller.ANYONE);
      chain.doFilter(request, response);
      return;
    }
    Principal principal = authenticated(request, response, access);
    if (principal == null) {
      return;
    }
    boolean admin = request.isUserInRole(ApiAccess.ADMIN_ROLE);
    boolean userPath = isUserPath(request);
    if (!admin && !(userPath && request.isUserInRole(ApiAccess.USER_ROLE))) {
      String role = userPath ? ApiAccess.USER_ROLE : ApiAccess.ADMIN_ROLE;
      ProblemResponses.write(
          response,
          403,
          "Forbidden",
          "The caller is authenticated but lacks the role "
              + role
              + (userPath ? " (or " + ApiAccess.ADMIN_ROLE + ")" : "")
              + ", which this path needs; with tokens, roles are the token's groups",
          Map.of("role", role));
      return;
    }
    request.setAttribute(ApiCaller.ATTRIBUTE, new ApiCaller(principal.getName(), admin));
    chain.doFilter(request, response);
  }

  /**
   * The caller the server's security authenticated, or null once the request has been answered: 401
   * without valid credentials, 503 when the server has no security to ask.
   */
  private Principal authenticated(
      HttpServletRequest request, HttpServletResponse response, ApiAccess access)
      throws IOException {
    if (request.getUserPrincipal() != null) {
      return request.getUserPrincipal();
    }
    boolean tokens = access.authentication() == ApiAccess.Authentication.TOKENS;
    // No token, no question for the server (whose token check would log an error per request).
    if (tokens && !bearerToken(request)) {
      unauthorized(response, true);
      return null;
    }
    boolean authenticated = authenticate(request, response);
    if (authenticated && request.getUserPrincipal() != null) {
      return request.getUserPrincipal();
    }
    if (!tokens && response.getStatus() == 200 && !response.containsHeader("WWW-Authenticate")) {
      // The server neither authenticated the caller nor asked for credentials: it has no
      // security to ask.
      noSecurity(response);
      return null;
    }
    if (!response.isCommitted()) {
      unauthorized(response, tokens);
    }
    return null;
  }

  private static void unauthorized(HttpServletResponse response, boolean tokens)
      throws IOException {
    if (tokens) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"nexus-liberty\"");
    }
    ProblemResponses.write(
        response,
        401,
        "Unauthorized",
        tokens
            ? "This API requires a bearer token (Authorization: Bearer <token>) from the"
                + " identity provider: none was sent, or it is expired, not yet valid, from"
                + " another issuer or for another audience, or not signed by the issuer's key"
            : HttpStatuses.detail(401),
        Map.of());
  }

  private void noSecurity(HttpServletResponse response) throws IOException {
    if (reportedNoSecurity.compareAndSet(false, true)) {
      LOG.severe(
          ApiSettings.API_AUTH_REQUIRED
              + "=true, but the server authenticated no caller, so it enforces no security:"
              + " the API answers 503 until server.xml enables a security feature"
              + " (appSecurity-5.0 with a user registry, mpJwt-2.1, or openidConnectClient-1.0)"
              + " and grants the roles "
              + ApiAccess.USER_ROLE
              + " and "
              + ApiAccess.ADMIN_ROLE);
    }
    ProblemResponses.write(
        response,
        503,
        "Authentication unavailable",
        "This API requires authentication, but the server enforces no security for it",
        Map.of());
  }

  private static boolean authenticate(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      return request.authenticate(response);
    } catch (ServletException refused) {
      return false;
    }
  }

  private static boolean bearerToken(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null
        && authorization.length() > 7
        && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ");
  }

  private static boolean isUserPath(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    for (String userPath : USER_PATHS) {
      if (userPath.endsWith("/") ? path.startsWith(userPath) : path.equals(userPath)) {
        return true;
      }
    }
    return false;
  }

  private void refuseAnonymous(HttpServletResponse response) throws IOException {
    report.anonymousRequestRefused();
    ProblemResponses.write(
        response,
        503,
        "Authentication not configured",
        "This API authenticates no one, so it answers only on the loopback interface: set"
            + " mp.jwt.verify.publickey.location and mp.jwt.verify.issuer to accept the identity"
            + " provider's tokens, or api.allow-anonymous=true to serve anyone who reaches it",
        Map.of());
  }
}
