package io.nexusliberty.api.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address or a CIDR range of them ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}),
 * as {@code api.trusted-proxies} lists them.
 */
public record AddressRange(byte[] network, int prefixLength, String text) {

  /** The range a setting's entry names, or empty when it is not an IP address or CIDR range. */
  public static Optional<AddressRange> parse(String entry) {
    String text = entry.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> literal = literal(address);
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = literal.get().getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new AddressRange(bytes, prefix, text));
  }

  /** Whether an IP literal, as the servlet container reports a peer, is in this range. */
  public boolean contains(String address) {
    Optional<InetAddress> literal = literal(address);
    if (literal.isEmpty()) {
      return false;
    }
    byte[] bytes = literal.get().getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The address an IP literal ({@code 10.0.0.1}, {@code ::1}, {@code [::1]}) stands for, without
   * any name lookup; empty for anything else.
   */
  public static Optional<InetAddress> literal(String text) {
    String address =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (address.isEmpty() || !isLiteralSyntax(address)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(address));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether the text is made of what IPv4 and IPv6 literals are made of (so no lookup happens). */
  private static boolean isLiteralSyntax(String address) {
    boolean colon = address.indexOf(':') >= 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!(digit || c == '.' || (colon && (hex || c == ':' || c == '%')))) {
        return false;
      }
    }
    // An IPv4 literal has exactly four parts: "1" or "1.2" would be read as numbers.
    return colon || address.split("\\.", -1).length == 4;
  }
}
