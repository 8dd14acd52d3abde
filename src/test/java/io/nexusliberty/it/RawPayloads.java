package io.nexusliberty.it;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.common.converter.PayloadConverter;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.stream.Stream;

/** Temporal's converters, plus one that writes a {@link Raw} value as the payload it describes. */
final class RawPayloads {

  private RawPayloads() {}

  /** A payload as given: its encoding metadata (none when null) and its data. */
  record Raw(String encoding, String data) {}

  static DataConverter dataConverter() {
    return new DefaultDataConverter(
        Stream.concat(
                Stream.of(new RawConverter()),
                Stream.of(DefaultDataConverter.STANDARD_PAYLOAD_CONVERTERS))
            .toArray(PayloadConverter[]::new));
  }

  private static final class RawConverter implements PayloadConverter {

    @Override
    public String getEncodingType() {
      return "test/raw";
    }

    @Override
    public Optional<Payload> toData(Object value) throws DataConverterException {
      if (!(value instanceof Raw raw)) {
        return Optional.empty();
      }
      Payload.Builder payload = Payload.newBuilder().setData(ByteString.copyFromUtf8(raw.data()));
      if (raw.encoding() != null) {
        payload.putMetadata(
            EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8(raw.encoding()));
      }
      return Optional.of(payload.build());
    }

    @Override
    public <T> T fromData(Payload content, Class<T> valueType, Type valueGenericType) {
      throw new DataConverterException("test/raw payloads are only written");
    }
  }
}
