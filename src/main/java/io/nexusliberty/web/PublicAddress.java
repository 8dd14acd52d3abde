package io.nexusliberty.web;

import io.nexusliberty.api.settings.AddressRange;
import io.nexusliberty.api.settings.ApiAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheme and authority (host[:port]) under which a client reached the application: the {@code
 * Host} header (HTTP/2's authority) and the connection's scheme, or, when the request comes from a
 * proxy listed in {@code api.trusted-proxies}, what that proxy forwarded ({@code Forwarded:
 * host=..;proto=..}, else {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}).
 *
 * @param scheme {@code http} or {@code https}, lower-case
 * @param authority host[:port] as the client wrote it, lower-case
 * @param host the host of the authority: a name, an IPv4 literal, or an IPv6 literal in []
 */
record PublicAddress(String scheme, String authority, String host) {

  /** The request attribute holding the address a request came to. */
  static final String ATTRIBUTE = PublicAddress.class.getName();

  /** What may follow a host in an authority: a colon and at most five digits. */
  private static final Pattern PORT = Pattern.compile(":[0-9]{0,5}");

  /** The address this request came to, or empty when its host is missing or malformed. */
  static Optional<PublicAddress> of(HttpServletRequest request, ApiAccess access) {
    String scheme = request.getScheme();
    // HTTP/2 (an h2c upgrade, as Java's HTTP client offers) carries the authority instead of Host.
    String authority =
        request.getHeader("Host") != null
            ? request.getHeader("Host")
            : request.getServerName() + ":" + request.getServerPort();
    if (fromTrustedProxy(request.getRemoteAddr(), access)) {
      Forwarded forwarded = Forwarded.of(request);
      scheme = forwarded.proto() == null ? scheme : forwarded.proto();
      authority = forwarded.host() == null ? authority : forwarded.host();
    }
    if (authority == null || scheme == null) {
      return Optional.empty();
    }
    String lowerScheme = scheme.toLowerCase(Locale.ROOT);
    String lowerAuthority = authority.strip().toLowerCase(Locale.ROOT);
    return hostOf(lowerAuthority).map(host -> new PublicAddress(lowerScheme, lowerAuthority, host));
  }

  /** The address recorded for this request by {@link PublicHostFilter}. */
  static PublicAddress recorded(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof PublicAddress address) {
      return address;
    }
    throw new IllegalStateException("No public address recorded: the host filter did not run");
  }

  /** The origin a page served under this address has: {@code scheme://host[:port]}. */
  String origin() {
    return scheme + "://" + authority;
  }

  /**
   * Whether a page from elsewhere cannot be made to reach this host by re-pointing a name (DNS
   * rebinding): {@code localhost}, and IP literals, which no DNS answer changes.
   */
  boolean isLiteralOrLoopbackName() {
    return host.equals("localhost") || AddressRange.literal(host).isPresent();
  }

  private static boolean fromTrustedProxy(String peer, ApiAccess access) {
    for (AddressRange proxy : access.trustedProxies()) {
      if (proxy.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The host of an authority (RFC 3986: reg-name, IPv4 or [IPv6], then an optional port), or empty
   * when it is not one.
   */
  static Optional<String> hostOf(String authority) {
    String host;
    String rest;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = authority.substring(0, close + 1);
      rest = authority.substring(close + 1);
      if (AddressRange.literal(host).isEmpty()) {
        return Optional.empty();
      }
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      rest = colon < 0 ? "" : authority.substring(colon);
      if (host.isEmpty() || !isRegName(host)) {
        return Optional.empty();
      }
    }
    if (!rest.isEmpty() && !PORT.matcher(rest).matches()) {
      return Optional.empty();
    }
    return Optional.of(host);
  }

  private static boolean isRegName(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=%".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** What the nearest proxy forwarded: the last element of each header, as it appended it. */
  private record Forwarded(String proto, String host) {
    static Forwarded of(HttpServletRequest request) {
      String forwarded = last(request.getHeader("Forwarded"));
      if (forwarded != null) {
        String proto = null;
        String host = null;
        for (String pair : forwarded.split(";")) {
          int equals = pair.indexOf('=');
          if (equals < 0) {
            continue;
          }
          String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
          String value = unquoted(pair.substring(equals + 1).strip());
          if (name.equals("proto")) {
            proto = value;
          } else if (name.equals("host")) {
            host = value;
          }
        }
        return new Forwarded(scheme(proto), host);
      }
      return new Forwarded(
          scheme(last(request.getHeader("X-Forwarded-Proto"))),
          last(request.getHeader("X-Forwarded-Host")));
    }

    private static String scheme(String proto) {
      if (proto == null) {
        return null;
      }
      String lower = proto.toLowerCase(Locale.ROOT);
      return lower.equals("http") || lower.equals("https") ? lower : null;
    }

    private static String last(String header) {
      if (header == null || header.isBlank()) {
        return null;
      }
      String[] elements = header.split(",");
      String last = elements[elements.length - 1].strip();
      return last.isEmpty() ? null : last;
    }

    private static String unquoted(String value) {
      return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
          ? value.substring(1, value.length() - 1)
          : value;
    }
  }
}
