package io.nexusliberty.temporal.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.nexusliberty.service.EchoInput;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.Language;
import io.nexusliberty.temporal.NexusInputShape;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Nexus operation's input decodes to, or what is said to be wrong with it, through the
 * application's own converter; JSON is read the way Go's {@code json.Unmarshal} reads it.
 */
class NexusInputDataConverterTest {

  private final NexusInputDataConverter converter =
      new NexusInputDataConverter(
          DefaultDataConverter.newDefaultInstance()
              .withPayloadConverterOverrides(new GoJsonPayloadConverter()));

  @AfterEach
  void closeTheWindow() {
    NexusInputDecoding.end();
  }

  private static Payload payload(String encoding, String data) {
    Payload.Builder payload = Payload.newBuilder().setData(ByteString.copyFromUtf8(data));
    if (encoding != null) {
      payload.putMetadata("encoding", ByteString.copyFromUtf8(encoding));
    }
    return payload.build();
  }

  /** Decodes as the SDK does for an operation's input; the problem, or empty with the value. */
  private <T> Optional<String> decode(Payload payload, Class<T> type) {
    NexusInputDecoding.begin();
    T value = converter.fromPayload(payload, type, type);
    Optional<String> problem = NexusInputDecoding.end();
    if (problem.isPresent()) {
      assertNull(value, "no value goes on with a problem");
    }
    return problem;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "        | Nexus                  | the payload has no \"encoding\" metadata",
        "binary/plain | Nexus             | the payload's encoding is \"binary/plain\"",
        "binary/null  | ''                | the payload holds no value (binary/null)",
        "json/plain | null                | the payload holds no value (json/plain)",
        "json/plain | Nexus               | the payload is not valid JSON: Unrecognized token",
        "json/plain | '{\"Message\": \"a\"} x' | the payload is not valid JSON: Unrecognized token 'x'",
        "json/plain | '{\"Message\": \"a\"} {}' | the payload's JSON has another shape: more follows the value",
        "json/plain | '[\"Nexus\"]'       | the payload's JSON has another shape: the value is an array, not an object",
        "json/plain | '\"Nexus\"'         | the payload's JSON has another shape: the value is a string, not an object",
        "json/plain | '{\"Message\": 42}' | the payload's JSON has another shape: field \"Message\" holds a number",
        "json/plain | '{\"Message\": true}' | the payload's JSON has another shape: field \"Message\" holds a boolean",
        "json/plain | '{\"Message\": [1]}' | the payload's JSON has another shape: field \"Message\" holds an array",
        "json/plain | '{}'                | field \"Message\" is missing or null",
        "json/plain | '{\"Message\": null}' | field \"Message\" is missing or null",
        "json/plain | '{\"Text\": \"a\"}' | field \"Message\" is missing or null",
      })
  void undecodableEchoInputIsReportedNotThrown(String encoding, String data, String problem) {
    String found = decode(payload(encoding, data), EchoInput.class).orElseThrow();

    assertEquals(problem, found.substring(0, Math.min(found.length(), problem.length())), found);
    // Another team reads it: nothing of this application's classes or its converter's words.
    assertFalse(
        found.contains("io.nexusliberty") || found.contains("`") || found.contains("Cannot "),
        "no class names or converter messages: " + found);
  }

  @Test
  void everyMissingFieldIsNamed() {
    assertEquals(
        "fields \"Name\", \"Language\" are missing or null",
        decode(payload("json/plain", "{}"), HelloInput.class).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"Message\": \"Nexus\"}'",
        "'{\"message\": \"Nexus\"}'",
        "'{\"MESSAGE\": \"Nexus\", \"Extra\": 1}'",
        "' {\"Message\": \"Nexus\"}\n'"
      })
  void readsJsonAsGoDoes(String data) {
    NexusInputDecoding.begin();
    Object value =
        converter.fromPayload(payload("json/plain", data), EchoInput.class, EchoInput.class);

    assertEquals(Optional.empty(), NexusInputDecoding.end());
    assertEquals(new EchoInput("Nexus"), value);
  }

  @Test
  void outsideAnOperationsInputDecodingFailsAsBefore() {
    assertThrows(
        DataConverterException.class,
        () ->
            converter.fromPayload(
                payload("json/plain", "Nexus"), EchoInput.class, EchoInput.class));
    assertEquals(Optional.empty(), NexusInputDecoding.end());
  }

  @Test
  void theExpectedShapeNamesTheWireFieldsAndTheLanguages() {
    assertEquals(
        "json/plain {\"Name\": \"...\", \"Language\": \"en|fr|de|es|tr\"}",
        new NexusInputShape(HelloInput.class).describe());
    assertEquals(
        "json/plain {\"Message\": \"...\"}", new NexusInputShape(EchoInput.class).describe());
    assertTrue(
        new NexusInputShape(HelloInput.class)
            .describe()
            .contains(
                Arrays.stream(Language.values())
                    .map(Language::code)
                    .collect(Collectors.joining("|"))),
        "the codes callers are told are the supported ones");
  }
}
