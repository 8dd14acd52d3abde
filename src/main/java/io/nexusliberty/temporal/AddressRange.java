package io.nexusliberty.temporal;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address or a CIDR range of them ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}),
 * as {@code api.trusted-proxies} lists them.
 */
public record AddressRange(byte[] network, int prefixLength, String text) {

  /** The range a setting's entry names, or empty when it is not an IP address or CIDR range. */
  static Optional<AddressRange> parse(String entry) {
    String text = entry.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> literal = ApiAccess.literal(address);
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
    Optional<InetAddress> literal = ApiAccess.literal(address);
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
}
