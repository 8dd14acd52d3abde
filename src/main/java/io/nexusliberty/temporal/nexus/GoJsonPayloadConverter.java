package io.nexusliberty.temporal.nexus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.common.converter.PayloadConverter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The {@code json/plain} payload converter, writing the bytes Go's {@code encoding/json} writes for
 * the same value, so that payloads agree byte for byte with Go workers: characters outside ASCII as
 * raw UTF-8 (Jackson's byte writer escapes those outside the Basic Multilingual Plane), {@code < >
 * &} and U+2028/U+2029 escaped, control characters as Go escapes them (lower-case hex), an unpaired
 * surrogate as U+FFFD. Reading follows Go's {@code json.Unmarshal} too: field names match without
 * regard to case, unknown fields are ignored, a number or boolean is not a string, and nothing may
 * follow the value.
 */
public final class GoJsonPayloadConverter implements PayloadConverter {

  private final PayloadConverter reader = new JacksonJsonPayloadConverter(goReader());
  private final ObjectMapper writer = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  public GoJsonPayloadConverter() {
    writer.getFactory().setCharacterEscapes(new GoEscapes());
  }

  private static ObjectMapper goReader() {
    ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper();
    mapper.setConfig(
        mapper
            .getDeserializationConfig()
            .with(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    for (CoercionInputShape scalar :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
    }
    return mapper;
  }

  @Override
  public String getEncodingType() {
    return reader.getEncodingType();
  }

  @Override
  public Optional<Payload> toData(Object value) throws DataConverterException {
    try {
      // Written as characters, then encoded: surrogate pairs become 4-byte UTF-8 sequences.
      String json = withoutUnpairedSurrogates(writer.writeValueAsString(value));
      return Optional.of(
          Payload.newBuilder()
              .putMetadata(
                  EncodingKeys.METADATA_ENCODING_KEY,
                  ByteString.copyFromUtf8(reader.getEncodingType()))
              .setData(ByteString.copyFrom(json.getBytes(StandardCharsets.UTF_8)))
              .build());
    } catch (JsonProcessingException e) {
      throw new DataConverterException(e);
    }
  }

  @Override
  public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType)
      throws DataConverterException {
    // The bytes as they are, unless Go reads them otherwise (bytes that are not UTF-8, escapes of
    // unpaired surrogates): then the text Go reads.
    Payload read =
        GoJsonText.goReading(content.getData().toByteArray())
            .map(text -> content.toBuilder().setData(ByteString.copyFromUtf8(text)).build())
            .orElse(content);
    return reader.fromData(read, valueType, valueGenericType);
  }

  /** Go writes invalid UTF-8 in a string as the escape of U+FFFD. */
  private static String withoutUnpairedSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (GoJsonText.isUnpairedSurrogate(json, i)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 8).append(json, 0, i);
        }
        out.append("\\ufffd");
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  /** Go's escapes, where they differ from Jackson's. */
  private static final class GoEscapes extends CharacterEscapes {

    private final int[] ascii = standardAsciiEscapesForJSON();

    GoEscapes() {
      for (int c = 0; c < 0x20; c++) {
        if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      if (c < 0x80 && ascii[c] == ESCAPE_CUSTOM || c == 0x2028 || c == 0x2029) {
        return new SerializedString(String.format("\\u%04x", c));
      }
      return null;
    }
  }
}
