package io.nexusliberty.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Go's {@code strings.TrimSpace} and {@code strings.ToLower}, code point for code point, so that
 * IDs built here equal those the Go sample builds for every string.
 *
 * <p>Java's own {@code strip()} and {@code toLowerCase(Locale.ROOT)} differ: they keep U+00A0 and
 * U+202F, map final sigma by context, lower-case {@code İ} to two code points, and follow the JDK's
 * Unicode version. The lower-case table is Go's {@code unicode.ToLower} itself, written out by
 * {@code src/test/go/reference} ({@code go run . lowercase}).
 */
public final class GoStrings {

  private static final String LOWER_CASE_TABLE = "go-unicode-lower.txt";

  private GoStrings() {}

  /** Go's {@code unicode.IsSpace}: Latin-1 spaces, NEL and NBSP, and Unicode's White_Space. */
  public static boolean isSpace(int codePoint) {
    return switch (codePoint) {
      case '\t',
              '\n',
              0x0B,
              '\f',
              '\r',
              ' ',
              0x85,
              0xA0,
              0x1680,
              0x2028,
              0x2029,
              0x202F,
              0x205F,
              0x3000 ->
          true;
      default -> codePoint >= 0x2000 && codePoint <= 0x200A;
    };
  }

  /** Go's {@code strings.TrimSpace}: removes leading and trailing {@link #isSpace} code points. */
  public static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /**
   * Go's {@code strings.ToLower}: Unicode's simple lower-case mapping, one code point at a time,
   * with no locale and no context. A lone surrogate, which Go's JSON decoder turns into U+FFFD,
   * becomes U+FFFD here too.
   */
  public static String toLower(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    text.codePoints()
        .map(codePoint -> codePoint >= 0xD800 && codePoint <= 0xDFFF ? 0xFFFD : codePoint)
        .map(codePoint -> LowerCase.TABLE.getOrDefault(codePoint, codePoint))
        .forEach(lower::appendCodePoint);
    return lower.toString();
  }

  /** Go's lower-case table, read once on first use. */
  private static final class LowerCase {
    static final Map<Integer, Integer> TABLE = read();

    private static Map<Integer, Integer> read() {
      Map<Integer, Integer> table = new HashMap<>(2048);
      try (InputStream in = GoStrings.class.getResourceAsStream(LOWER_CASE_TABLE)) {
        if (in == null) {
          throw new IllegalStateException(LOWER_CASE_TABLE + " is missing from the application");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int space = line.indexOf(' ');
          table.put(
              Integer.parseInt(line, 0, space, 16),
              Integer.parseInt(line, space + 1, line.length(), 16));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + LOWER_CASE_TABLE, e);
      }
      return Map.copyOf(table);
    }
  }
}
