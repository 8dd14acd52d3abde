package io.nexusliberty.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A JSON request body, read with a size limit, whose fields are checked one by one. */
final class JsonRequest {

  /** Largest request body accepted, in bytes. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private final JsonObject body;

  private JsonRequest(JsonObject body) {
    this.body = body;
  }

  /**
   * Reads a JSON object.
   *
   * @throws ApiProblem 413 when the body is too large, 400 naming {@code body} when it is not a
   *     JSON object
   */
  static JsonRequest read(InputStream input) {
    String text = new String(readLimited(input), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ApiProblem.invalidField("body", "The request body is empty: send a JSON object");
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ApiProblem.invalidField("body", "The request body must be a JSON object");
      }
      return new JsonRequest(value.asJsonObject());
    } catch (JsonException e) {
      throw ApiProblem.invalidField(
          "body", "The request body is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * A required string field.
   *
   * @throws ApiProblem 400 naming the field when it is missing, not a string, blank or longer than
   *     {@code maxLength} characters
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
    if (text.isBlank()) {
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

  private static byte[] readLimited(InputStream input) {
    try {
      byte[] bytes = input.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ApiProblem(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Request body too large",
                "The request body is larger than " + MAX_BODY_BYTES + " bytes")
            .with("field", "body");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
