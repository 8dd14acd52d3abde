package io.nexusliberty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The contract types on the wire, through Temporal's default data converter, compared with what the
 * Go sample's structs marshal to.
 */
class WireFormatTest {

  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void echoInputAndOutputUseTheGoFieldName() {
    assertEquals("{\"Message\":\"Nexus Echo\"}", json(new EchoInput("Nexus Echo")));
    assertEquals("{\"Message\":\"Nexus Echo\"}", json(new EchoOutput("Nexus Echo")));
  }

  @Test
  void emojiSurviveTheRoundTripWhicheverWayTheyAreEscaped() throws Exception {
    // Go writes an emoji as raw UTF-8; Jackson 2.15 escapes it as a surrogate pair. Both are the
    // same JSON string, and each side decodes the other's form.
    String javaJson = json(new HelloOutput("¡Hola! Nexus 👋"));
    assertEquals(
        new ObjectMapper().readTree("{\"Message\":\"¡Hola! Nexus 👋\"}"),
        new ObjectMapper().readTree(javaJson),
        "same JSON value as Go's output");
    assertEquals(
        new HelloOutput("¡Hola! Nexus 👋"),
        fromJson("{\"Message\":\"¡Hola! Nexus 👋\"}", HelloOutput.class),
        "Go's raw UTF-8 decodes");
    assertEquals(
        new HelloOutput("¡Hola! Nexus 👋"),
        fromJson(javaJson, HelloOutput.class),
        "own form decodes");
  }

  @Test
  void helloInputUsesTheGoFieldNamesInTheGoOrder() {
    assertEquals("{\"Name\":\"Nexus\",\"Language\":\"es\"}", json(new HelloInput("Nexus", "es")));
  }

  @Test
  void helloOutputUsesTheGoFieldName() {
    assertEquals("{\"Message\":\"Hello Nexus\"}", json(new HelloOutput("Hello Nexus")));
  }

  @Test
  void payloadsAreJsonPlain() {
    Payload payload = CONVERTER.toPayload(new HelloInput("Nexus", "es")).orElseThrow();
    assertEquals("json/plain", payload.getMetadataOrThrow("encoding").toStringUtf8());
  }

  @Test
  void goShapedPayloadsDecode() {
    assertEquals(
        new HelloInput("Nexus", "tr"),
        fromJson("{\"Name\":\"Nexus\",\"Language\":\"tr\"}", HelloInput.class));
    assertEquals(
        new HelloOutput("Merhaba Nexus 👋"),
        fromJson("{\"Message\":\"Merhaba Nexus 👋\"}", HelloOutput.class));
    assertEquals(new EchoInput("hi"), fromJson("{\"Message\":\"hi\"}", EchoInput.class));
  }

  private static String json(Object value) {
    return CONVERTER.toPayload(value).orElseThrow().getData().toStringUtf8();
  }

  private static <T> T fromJson(String json, Class<T> type) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build();
    return CONVERTER.fromPayload(payload, type, type);
  }
}
