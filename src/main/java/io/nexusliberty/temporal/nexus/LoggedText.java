package io.nexusliberty.temporal.nexus;

/**
 * A caller's text as it may stand in a log line: what would break the line or change how it reads
 * (control characters, line and paragraph separators, bidirectional controls, unpaired surrogates)
 * written as {@code \}{@code uXXXX}, and backslashes doubled, so that no caller can forge or hide
 * log lines.
 */
final class LoggedText {

  private LoggedText() {}

  /** The text with every character that is not plainly printable escaped. */
  static String escaped(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = c == '\\' || mustEscape(c) || GoJsonText.isUnpairedSurrogate(text, i);
      if (escape && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escape) {
        out.append(c == '\\' ? "\\\\" : String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean mustEscape(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }
}
