package io.nexusliberty.temporal.nexus;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.nexusliberty.temporal.NexusInputShape;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nonnull;

/**
 * A {@link DataConverter} that, while a Nexus operation's input is decoded ({@link
 * NexusInputDecoding}), records what is wrong with the input instead of throwing: no encoding, an
 * encoding or JSON it cannot read, no value, or missing fields. Everything else is the wrapped
 * converter's.
 */
public final class NexusInputDataConverter implements DataConverter {

  private final DataConverter converter;

  /**
   * Temporal's converters, with JSON read and written as Go reads and writes it, and a Nexus
   * operation's undecodable input reported as the caller's fault.
   */
  public static DataConverter goCompatible() {
    return new NexusInputDataConverter(
        DefaultDataConverter.newDefaultInstance()
            .withPayloadConverterOverrides(new GoJsonPayloadConverter()));
  }

  public NexusInputDataConverter(DataConverter converter) {
    this.converter = converter;
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType)
      throws DataConverterException {
    if (!NexusInputDecoding.inProgress()) {
      return converter.fromPayload(payload, valueClass, valueType);
    }
    if (!payload.containsMetadata(EncodingKeys.METADATA_ENCODING_KEY)) {
      return rejected("the payload has no \"encoding\" metadata");
    }
    String encoding = payload.getMetadataOrThrow(EncodingKeys.METADATA_ENCODING_KEY).toStringUtf8();
    T value;
    try {
      value = converter.fromPayload(payload, valueClass, valueType);
    } catch (RuntimeException e) {
      return rejected(unreadable(encoding, e));
    }
    if (value == null) {
      return rejected("the payload holds no value (" + encoding + ")");
    }
    List<String> missing = NexusInputShape.missingFields(value);
    if (!missing.isEmpty()) {
      return rejected(
          (missing.size() == 1 ? "field " : "fields ")
              + String.join(", ", missing.stream().map(name -> "\"" + name + "\"").toList())
              + (missing.size() == 1 ? " is" : " are")
              + " missing or null");
    }
    return value;
  }

  /** Records the problem; the operation then gets no input, and its interceptor refuses it. */
  private static <T> T rejected(String problem) {
    NexusInputDecoding.reject(problem);
    return null;
  }

  /**
   * What is wrong with a payload the converter could not read, in words for another team: the
   * parser's complaint about text that is not JSON, else where the JSON's shape differs; never the
   * converter's own message, which names this application's classes.
   */
  private static String unreadable(String encoding, RuntimeException e) {
    if (!"json/plain".equals(encoding)) {
      return "the payload's encoding is \"" + encoding + "\"";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException json) {
        return "the payload is not valid JSON: " + json.getOriginalMessage();
      }
      if (cause instanceof JsonMappingException json) {
        return "the payload's JSON has another shape: " + shapeProblem(json);
      }
    }
    return "the payload cannot be read as JSON";
  }

  /** Where the JSON's shape differs from the input's, without the converter's own words. */
  private static String shapeProblem(JsonMappingException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Trailing token")) {
      return "more follows the value";
    }
    String field =
        e.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .filter(name -> name != null)
            .reduce((outer, inner) -> outer + "." + inner)
            .orElse(null);
    String kind = jsonKind(e);
    return field == null
        ? "the value is " + kind + ", not an object"
        : "field \"" + field + "\" holds " + kind;
  }

  /** The kind of JSON value the parser stood on when it gave up. */
  private static String jsonKind(JsonMappingException e) {
    JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
    if (token == null) {
      return "another value";
    }
    return switch (token) {
      case START_ARRAY, END_ARRAY -> "an array";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "another value";
    };
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) throws DataConverterException {
    return converter.toPayload(value);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) throws DataConverterException {
    return converter.toPayloads(values);
  }

  @Override
  public <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType)
      throws DataConverterException {
    return converter.fromPayloads(index, content, valueType, valueGenericType);
  }

  @Override
  public Object[] fromPayloads(
      Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes)
      throws DataConverterException {
    return converter.fromPayloads(content, parameterTypes, genericParameterTypes);
  }

  @Override
  public RuntimeException failureToException(@Nonnull Failure failure) {
    return converter.failureToException(failure);
  }

  @Override
  public Failure exceptionToFailure(@Nonnull Throwable throwable) {
    return converter.exceptionToFailure(throwable);
  }

  @Override
  public DataConverter withContext(@Nonnull SerializationContext context) {
    // Contexts serve workflows and activities; a Nexus operation's input is decoded without one.
    return converter.withContext(context);
  }
}
