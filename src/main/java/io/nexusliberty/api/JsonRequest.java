package io.nexusliberty.api;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.problem.RequestLimits;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON request body, read strictly (valid UTF-8, exactly one JSON object, no repeated member,
 * within a size limit), whose fields are checked one by one.
 */
final class JsonRequest {

  private final JsonObject body;

  private JsonRequest(JsonObject body) {
    this.body = body;
  }

  /**
   * Reads a JSON object.
   *
   * @throws ApiProblem 413 when the body is too large, 400 naming {@code body} when it is not
   *     exactly one JSON object in UTF-8, or naming the member that appears twice
   */
  static JsonRequest read(InputStream input) {
    String text = utf8(readLimited(input));
    if (text.isBlank()) {
      throw ApiProblem.invalidField("body", "The request body is empty: send a JSON object");
    }
    try (JsonParser parser = ProblemResponses.JSON.createParser(new StringReader(text))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw ApiProblem.invalidField("body", "The request body must be a JSON object");
      }
      JsonObjectBuilder object = ProblemResponses.JSON.createObjectBuilder();
      Set<String> members = new HashSet<>();
      for (JsonParser.Event event = parser.next();
          event != JsonParser.Event.END_OBJECT;
          event = parser.next()) {
        String member = parser.getString();
        if (!members.add(member)) {
          throw ApiProblem.invalidField(
              printable(member), "The field \"" + printable(member) + "\" appears more than once");
        }
        parser.next();
        object.add(member, parser.getValue());
      }
      if (parser.hasNext()) {
        throw ApiProblem.invalidField(
            "body", "The request body must hold one JSON object and nothing after it");
      }
      return new JsonRequest(object.build());
    } catch (ApiProblem e) {
      throw e;
    } catch (JsonException e) {
      throw ApiProblem.invalidField(
          "body", "The request body is not valid JSON: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw ApiProblem.invalidField("body", "The request body is not valid JSON");
    }
  }

  /**
   * A required string field.
   *
   * @throws ApiProblem 400 naming the field when it is missing, not a string, blank (nothing but
   *     white space and invisible format characters), longer than {@code maxLength} characters, or
   *     holds a character no name or message may hold (see {@link TextRules})
   */
  String requiredText(String field, int maxLength) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw ApiProblem.invalidField(field, "The field \"" + field + "\" is required");
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw ApiProblem.invalidField(field, "The field \"" + field + "\" must be a string");
    }
    String text = ((JsonString) value).getString();
    Optional<String> refusal = TextRules.refusal(text);
    if (refusal.isPresent()) {
      throw ApiProblem.invalidField(field, "The field \"" + field + "\" " + refusal.get());
    }
    if (TextRules.blank(text)) {
      throw ApiProblem.invalidField(field, "The field \"" + field + "\" must not be blank");
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      throw ApiProblem.invalidField(
          field,
          "The field \""
              + field
              + "\" is "
              + length
              + " characters long; at most "
              + maxLength
              + " are accepted");
    }
    return text;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiProblem.invalidField(
          "body", "The request body is not valid UTF-8: send JSON encoded in UTF-8");
    }
  }

  private static String printable(String member) {
    return member.codePoints().allMatch(TextRules::printable) && member.length() <= 100
        ? member
        : "(unprintable)";
  }

  private static byte[] readLimited(InputStream input) {
    try {
      byte[] bytes = input.readNBytes(RequestLimits.MAX_BODY_BYTES + 1);
      if (bytes.length > RequestLimits.MAX_BODY_BYTES) {
        throw RequestLimits.tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      // RequestBodyFilter has normally read the body already; this is a client that broke off.
      throw RequestLimits.unreadable();
    }
  }
}
