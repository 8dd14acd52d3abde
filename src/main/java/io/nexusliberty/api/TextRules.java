package io.nexusliberty.api;

import java.util.Optional;

/**
 * What a name or a message may hold: text on one line that displays as it reads. No unpaired
 * surrogate (not text at all), no control character (C0, DEL, C1: NUL, BEL, ESC, CR, LF, tab...),
 * no bidirectional override, embedding or isolate (which make text display other than it reads).
 */
final class TextRules {

  private TextRules() {}

  /** Why the text is refused, as the end of a sentence about its field; empty when it is not. */
  static Optional<String> refusal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("holds an unpaired surrogate " + codePoint(c) + ", which is not text");
      } else if (Character.getType(c) == Character.CONTROL) {
        return Optional.of(
            "holds the control character " + codePoint(c) + ": send text on one line");
      } else if (bidiControl(c)) {
        return Optional.of(
            "holds the bidirectional formatting character "
                + codePoint(c)
                + ", which makes text display other than it reads");
      }
    }
    return Optional.empty();
  }

  /** Whether the text holds nothing visible: only white space and invisible characters. */
  static boolean blank(String text) {
    return text.codePoints().allMatch(TextRules::invisible);
  }

  /** Whether this code point may appear as itself in an answer. */
  static boolean printable(int codePoint) {
    return !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
        && Character.getType(codePoint) != Character.CONTROL
        && !bidiControl(codePoint);
  }

  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT
        || defaultIgnorable(codePoint);
  }

  /** Unicode's default-ignorable code points that are not format characters (Cf). */
  private static boolean defaultIgnorable(int codePoint) {
    return codePoint == 0x034F
        || codePoint == 0x115F
        || codePoint == 0x1160
        || codePoint == 0x17B4
        || codePoint == 0x17B5
        || (codePoint >= 0x180B && codePoint <= 0x180F)
        || codePoint == 0x3164
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
        || codePoint == 0xFFA0
        || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
  }

  private static boolean bidiControl(int codePoint) {
    return (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  private static String codePoint(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
