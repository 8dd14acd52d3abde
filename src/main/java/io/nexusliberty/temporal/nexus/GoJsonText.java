package io.nexusliberty.temporal.nexus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON text as Go's {@code encoding/json} reads it: bytes that are not UTF-8 become U+FFFD, one per
 * byte, as Go's {@code utf8.DecodeRune} reads them; a {@code \}{@code u} escape of a surrogate that
 * has no partner becomes U+FFFD too, as Go's decoder reads what Python's {@code json.dumps} and
 * JavaScript's {@code JSON.stringify} write for a lone surrogate. Valid text is returned as it is.
 */
final class GoJsonText {

  private static final String REPLACEMENT_ESCAPE = "\\ufffd";

  private GoJsonText() {}

  /**
   * The JSON text Go reads in these bytes, when it is not what their UTF-8 says (bytes that are not
   * UTF-8, escapes of unpaired surrogates); empty when it is.
   */
  static Optional<String> goReading(byte[] json) {
    String text = decodeUtf8(json);
    String read = text.indexOf("\\u") < 0 ? text : withoutLoneSurrogateEscapes(text);
    return read == text && text.indexOf('\uFFFD') < 0 ? Optional.empty() : Optional.of(read);
  }

  /** UTF-8 decoding with Go's rule for invalid input: each byte that starts no rune is U+FFFD. */
  static String decodeUtf8(byte[] bytes) {
    StringBuilder out = null;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length = b < 0x80 ? 1 : sequenceLength(bytes, i);
      if (length == 0) {
        if (out == null) {
          out =
              new StringBuilder(bytes.length + 8)
                  .append(new String(bytes, 0, i, StandardCharsets.UTF_8));
        }
        out.append('\uFFFD');
        i++;
        continue;
      }
      if (out != null) {
        out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
      }
      i += length;
    }
    return out == null ? new String(bytes, StandardCharsets.UTF_8) : out.toString();
  }

  /**
   * The length of the valid UTF-8 sequence at this index (2 to 4), or 0: no overlong forms, no
   * surrogates, nothing above U+10FFFF, as Go accepts them.
   */
  private static int sequenceLength(byte[] bytes, int i) {
    int b = bytes[i] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) {
        low = 0xA0;
      } else if (b == 0xED) {
        high = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) {
        low = 0x90;
      } else if (b == 0xF4) {
        high = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + length > bytes.length) {
      return 0;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      int continuation = bytes[i + k] & 0xFF;
      if (continuation < 0x80 || continuation > 0xBF) {
        return 0;
      }
    }
    return length;
  }

  /** Replaces, inside strings, each escape of an unpaired surrogate with that of U+FFFD. */
  static String withoutLoneSurrogateEscapes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    boolean inString = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!inString) {
        inString = c == '"';
        out.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        inString = false;
        out.append(c);
        i++;
      } else if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        i++;
      } else if (text.charAt(i + 1) != 'u') {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
      } else {
        int unit = hex4(text, i + 2);
        if (unit < 0 || !Character.isSurrogate((char) unit)) {
          out.append(c);
          i++;
        } else if (Character.isHighSurrogate((char) unit)
            && text.startsWith("\\u", i + 6)
            && hex4(text, i + 8) >= 0
            && Character.isLowSurrogate((char) hex4(text, i + 8))) {
          out.append(text, i, i + 12);
          i += 12;
        } else {
          out.append(REPLACEMENT_ESCAPE);
          i += 6;
          changed = true;
        }
      }
    }
    return changed ? out.toString() : text;
  }

  /** Whether the character at this index is a surrogate without its partner. */
  static boolean isUnpairedSurrogate(CharSequence text, int index) {
    char c = text.charAt(index);
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    return Character.isLowSurrogate(c)
        && (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
  }

  /** The value of four hexadecimal digits at this index, or -1. */
  private static int hex4(String text, int index) {
    if (index + 4 > text.length()) {
      return -1;
    }
    int value = 0;
    for (int k = index; k < index + 4; k++) {
      int digit = Character.digit(text.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
