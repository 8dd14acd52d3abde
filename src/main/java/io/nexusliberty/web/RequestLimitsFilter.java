package io.nexusliberty.web;

import io.nexusliberty.api.problem.HttpStatuses;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.problem.RequestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Refuses, before anything reads them, requests with a method HTTP APIs do not use (TRACE, or one
 * unknown), requests whose URL is not a valid URL (characters outside RFC 3986, broken %-escapes,
 * escaped control characters or bytes that are not UTF-8) and request bodies that announce more
 * bytes than the API accepts.
 */
public class RequestLimitsFilter extends HttpFilter {

  private static final Set<String> METHODS =
      new LinkedHashSet<>(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));

  /** A header whose value must be media types, and what it must be. */
  private record MediaHeader(String name, Predicate<String> syntax, String expected) {}

  private static final List<MediaHeader> MEDIA_HEADERS =
      List.of(
          new MediaHeader("Accept", MediaTypeSyntax::isMediaRangeList, "a list of media ranges"),
          new MediaHeader("Content-Type", MediaTypeSyntax::isMediaType, "a media type"));

  private static final String PATH_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!METHODS.contains(request.getMethod())) {
      // TRACE echoes requests back (a cross-site tracing tool), and unknown methods would be
      // answered by the container in its own words.
      response.setHeader("Allow", String.join(", ", METHODS));
      ProblemResponses.write(response, HttpStatuses.problem(405));
      return;
    }
    Optional<String> malformed =
        malformed(request.getRequestURI(), "")
            .or(
                () ->
                    request.getQueryString() == null
                        ? Optional.empty()
                        : malformed(request.getQueryString(), "?"));
    if (malformed.isPresent()) {
      ProblemResponses.write(
          response, 400, "Malformed URL", "The URL " + malformed.get(), Map.of("field", "url"));
      return;
    }
    for (MediaHeader header : MEDIA_HEADERS) {
      String value = request.getHeader(header.name());
      if (value != null && !value.isBlank() && !header.syntax().test(value)) {
        ProblemResponses.write(
            response,
            400,
            "Malformed header",
            "The "
                + header.name()
                + " header is not "
                + header.expected()
                + ", such as application/json",
            Map.of("field", header.name()));
        return;
      }
    }
    if (request.getContentLengthLong() > RequestLimits.MAX_BODY_BYTES) {
      // Answered before the body arrives: the connection cannot carry another request after it.
      response.setHeader("Connection", "close");
      ProblemResponses.write(response, RequestLimits.tooLarge());
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with this part of a URL, or empty when nothing is. */
  static Optional<String> malformed(String raw, String alsoAllowed) {
    byte[] decoded = new byte[raw.length()];
    int length = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (PATH_CHARACTERS.indexOf(c) < 0 && alsoAllowed.indexOf(c) < 0) {
        return Optional.of(
            "holds a character that URLs may not hold unescaped: "
                + (c > 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c)));
      }
      if (c == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          return Optional.of("holds a '%' that is not followed by two hexadecimal digits");
        }
        int value =
            Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
        if (value < 0x20 || value == 0x7F) {
          return Optional.of("holds an escaped control character");
        }
        decoded[length++] = (byte) value;
        i += 2;
      } else {
        decoded[length++] = (byte) c;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded, 0, length));
    } catch (CharacterCodingException e) {
      return Optional.of("holds %-escapes that are not UTF-8");
    }
    return Optional.empty();
  }
}
