package io.nexusliberty.web;

/**
 * Whether a header value is media types (RFC 9110): {@code type/subtype} with {@code ; name=value}
 * parameters (a token or a quoted string), and for {@code Accept} a comma-separated list of them,
 * empty elements allowed. A single pass over the text, so a header of any length costs its length
 * and no stack.
 */
final class MediaTypeSyntax {

  private static final String TOKEN_CHARACTERS = "!#$%&'*+.^_`|~-";

  private final String text;
  private int position;

  private MediaTypeSyntax(String text) {
    this.text = text;
  }

  /** A single media type, white space around it allowed ({@code Content-Type}). */
  static boolean isMediaType(String value) {
    MediaTypeSyntax syntax = new MediaTypeSyntax(value);
    syntax.skipWhiteSpace();
    if (!syntax.mediaType()) {
      return false;
    }
    syntax.skipWhiteSpace();
    return syntax.atEnd();
  }

  /** One or more media ranges separated by commas, empty elements allowed ({@code Accept}). */
  static boolean isMediaRangeList(String value) {
    MediaTypeSyntax syntax = new MediaTypeSyntax(value);
    syntax.skipSeparators();
    if (!syntax.mediaType()) {
      return false;
    }
    while (true) {
      if (!syntax.skipSeparators()) {
        return syntax.atEnd();
      }
      if (syntax.atEnd()) {
        return true;
      }
      if (!syntax.mediaType()) {
        return false;
      }
    }
  }

  /** type/subtype and parameters; on failure the position is meaningless. */
  private boolean mediaType() {
    if (!token() || !accept('/') || !token()) {
      return false;
    }
    while (true) {
      int before = position;
      skipWhiteSpace();
      if (!accept(';')) {
        position = before;
        return true;
      }
      skipWhiteSpace();
      if (!token() || !accept('=') || !(token() || quotedString())) {
        return false;
      }
    }
  }

  private boolean token() {
    int start = position;
    while (position < text.length() && isTokenCharacter(text.charAt(position))) {
      position++;
    }
    return position > start;
  }

  private boolean quotedString() {
    if (!accept('"')) {
      return false;
    }
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return true;
      }
      if (c == '\\') {
        if (position >= text.length() || isLineTerminator(text.charAt(position))) {
          return false;
        }
        position++;
      }
    }
    return false;
  }

  private boolean accept(char expected) {
    if (position < text.length() && text.charAt(position) == expected) {
      position++;
      return true;
    }
    return false;
  }

  private void skipWhiteSpace() {
    while (position < text.length() && isWhiteSpace(text.charAt(position))) {
      position++;
    }
  }

  /** Skips white space and commas; whether a comma was among them. */
  private boolean skipSeparators() {
    boolean comma = false;
    while (position < text.length()
        && (isWhiteSpace(text.charAt(position)) || text.charAt(position) == ',')) {
      comma |= text.charAt(position) == ',';
      position++;
    }
    return comma;
  }

  private boolean atEnd() {
    return position == text.length();
  }

  private static boolean isTokenCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || TOKEN_CHARACTERS.indexOf(c) >= 0;
  }

  private static boolean isWhiteSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
