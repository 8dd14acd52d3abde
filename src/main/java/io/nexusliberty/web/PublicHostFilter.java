package io.nexusliberty.web;

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
import java.util.Map;
import java.util.Optional;

/**
 * Answers only requests addressed to a host this application is: {@code localhost}, an IP address,
 * or a host of {@code api.public-origins}. A page whose own name an attacker re-points at this
 * machine (DNS rebinding) sends its name as the {@code Host}, and is refused with 421, so it can
 * neither call the API nor pass for the application's own origin.
 */
public class PublicHostFilter extends HttpFilter {

  @Inject ApiSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ApiAccess access = settings.access();
    Optional<PublicAddress> address = PublicAddress.of(request, access);
    if (address.isEmpty()) {
      ProblemResponses.write(
          response,
          400,
          "Malformed header",
          "The Host header (or the host a trusted proxy forwarded) is missing or not host[:port]",
          Map.of("field", "Host"));
      return;
    }
    if (!address.get().isLiteralOrLoopbackName() && !access.isPublicHost(address.get().host())) {
      ProblemResponses.write(
          response,
          421,
          "Misdirected request",
          "This application does not answer to the host name in the Host header; to serve it"
              + " under that name, add its origin (scheme://host[:port]) to "
              + ApiSettings.API_PUBLIC_ORIGINS,
          Map.of("field", "Host"));
      return;
    }
    request.setAttribute(PublicAddress.ATTRIBUTE, address.get());
    chain.doFilter(request, response);
  }
}
