package io.nexusliberty.api.settings;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may call the HTTP API and under which names it is reached: how callers are authenticated,
 * whether an unauthenticated API may serve other machines, the application's own public origins,
 * other sites allowed to post to it, and the proxies whose forwarded headers are believed.
 *
 * @param authentication how callers of the API and {@code /metrics} are authenticated
 * @param jwtKeySetting the MicroProfile JWT key setting that switched token authentication on, or
 *     null
 * @param allowAnonymous whether an unauthenticated API may answer requests that reach it from
 *     beyond the loopback interface ({@code api.allow-anonymous})
 * @param listenHost the host Liberty's HTTP endpoint listens on ({@code http.host}), or null when
 *     unknown
 * @param publicOrigins the origins ({@code scheme://host[:port]}, lower-case) under which clients
 *     reach the application, besides its loopback names and IP addresses
 * @param allowedOrigins other sites whose pages may make changing requests
 * @param trustedProxies the proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are
 *     believed
 */
public record ApiAccess(
    Authentication authentication,
    String jwtKeySetting,
    boolean allowAnonymous,
    String listenHost,
    Set<String> publicOrigins,
    Set<String> allowedOrigins,
    List<AddressRange> trustedProxies) {

  /** How the API authenticates its callers. */
  public enum Authentication {
    /** Bearer tokens verified by MicroProfile JWT ({@code mp.jwt.verify.*} is set). */
    TOKENS,
    /** Whatever security the Liberty server configures ({@code api.auth-required=true}). */
    SERVER,
    /** Nobody is authenticated: every caller may do anything. */
    NONE
  }

  /** The role that starts workflows and reads and cancels its own. */
  public static final String USER_ROLE = "api-user";

  /** The role that reads and cancels any workflow and reads the connection and the metrics. */
  public static final String ADMIN_ROLE = "api-admin";

  /** Whether callers are authenticated at all. */
  public boolean authenticates() {
    return authentication != Authentication.NONE;
  }

  /**
   * Whether the API, unauthenticated, is configured to listen beyond the loopback interface without
   * {@code api.allow-anonymous=true}: then it serves only requests that arrive on loopback.
   */
  public boolean anonymousBeyondLoopbackRefused() {
    return authentication == Authentication.NONE
        && !allowAnonymous
        && listenHost != null
        && !isLoopbackHost(listenHost);
  }

  /** Whether a request whose socket arrived at this local address may be served. */
  public boolean serves(String localAddress) {
    return authentication != Authentication.NONE || allowAnonymous || isLoopback(localAddress);
  }

  /** Whether the host name of a public origin is this one (lower-case, without port). */
  public boolean isPublicHost(String host) {
    for (String origin : publicOrigins) {
      if (hostOf(origin).equals(host)) {
        return true;
      }
    }
    return false;
  }

  /** The host of an origin {@code scheme://host[:port]}: the name, or an IPv6 literal in []. */
  static String hostOf(String origin) {
    String authority = origin.substring(origin.indexOf("://") + 3);
    if (authority.startsWith("[")) {
      return authority.substring(0, authority.indexOf(']') + 1);
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /**
   * Whether a listening host names only the loopback interface: {@code localhost} or a loopback
   * address. {@code *} and {@code 0.0.0.0} listen on every interface.
   */
  static boolean isLoopbackHost(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.equals("localhost")) {
      return true;
    }
    return AddressRange.literal(name).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  /** Whether an address (an IP literal, as the servlet container reports it) is loopback. */
  static boolean isLoopback(String address) {
    return address != null
        && AddressRange.literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
  }
}
