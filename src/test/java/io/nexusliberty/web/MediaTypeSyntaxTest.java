package io.nexusliberty.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The media type check of {@code Content-Type} and {@code Accept}: the grammar RFC 9110 gives,
 * compared with that grammar written as a regular expression on thousands of generated values, and
 * headers of any length checked without running out of stack.
 */
class MediaTypeSyntaxTest {

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final String PARAMETERS =
      "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*";
  private static final String RANGE = TOKEN + "/" + TOKEN + PARAMETERS;
  private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*" + RANGE + "\\s*");
  private static final Pattern ACCEPT =
      Pattern.compile("[\\s,]*" + RANGE + "(\\s*,[\\s,]*" + RANGE + ")*[\\s,]*");

  @Test
  void theUsualHeadersAreMediaTypes() {
    assertTrue(MediaTypeSyntax.isMediaType("application/json"));
    assertTrue(MediaTypeSyntax.isMediaType(" application/json; charset=UTF-8 "));
    assertTrue(MediaTypeSyntax.isMediaType("application/json;a=\"x\\\"y\""));
    assertTrue(
        MediaTypeSyntax.isMediaRangeList("text/html, application/xhtml+xml;q=0.9, */*;q=0.8"));
    assertTrue(MediaTypeSyntax.isMediaRangeList(",, */* ,"));
    assertFalse(MediaTypeSyntax.isMediaType("application"));
    assertFalse(MediaTypeSyntax.isMediaType("application/json;"));
    assertFalse(MediaTypeSyntax.isMediaType("application/json; a=\"unterminated"));
    assertFalse(MediaTypeSyntax.isMediaType("a/b, c/d"), "Content-Type is one media type");
    assertFalse(MediaTypeSyntax.isMediaRangeList("a/b c/d"));
    assertFalse(MediaTypeSyntax.isMediaRangeList(","));
  }

  @Test
  void generatedValuesAreJudgedAsTheGrammarsRegularExpressionJudgesThem() {
    String[] pieces = {
      "a",
      "json",
      "/",
      ";",
      "=",
      "\"",
      "\\",
      " ",
      "\t",
      ",",
      "x-y",
      "*",
      "q=0.5",
      "\"v\"",
      "é",
      "\n",
      ";b=c",
      "; q=\"x y\"",
      ", a/b",
      ",,"
    };
    Random random = new Random(22);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      // Half of them start as a media type, so that the pieces after it decide.
      StringBuilder value = new StringBuilder(random.nextBoolean() ? "a/json" : "");
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = value.toString();
      boolean mediaType = MEDIA_TYPE.matcher(text).matches();
      assertEquals(mediaType, MediaTypeSyntax.isMediaType(text), "Content-Type: " + text);
      assertEquals(
          ACCEPT.matcher(text).matches(),
          MediaTypeSyntax.isMediaRangeList(text),
          "Accept: " + text);
      accepted += mediaType ? 1 : 0;
    }
    assertTrue(accepted > 500, "the generated values include media types: " + accepted);
  }

  @Test
  void aHeaderOfAnyLengthIsCheckedInOnePass() {
    String quoted = "application/json; a=\"" + "x".repeat(1_000_000) + "\"";
    assertTrue(MediaTypeSyntax.isMediaType(quoted));
    String parameters = "application/json" + "; a=b".repeat(100_000);
    assertTrue(MediaTypeSyntax.isMediaType(parameters));
    String ranges = "text/plain, ".repeat(100_000) + "*/*";
    assertTrue(MediaTypeSyntax.isMediaRangeList(ranges));
    assertFalse(MediaTypeSyntax.isMediaType(quoted.substring(0, quoted.length() - 1)));
  }
}
