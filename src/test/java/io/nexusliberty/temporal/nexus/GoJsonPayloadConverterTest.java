package io.nexusliberty.temporal.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.service.EchoOutput;
import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.temporal.api.common.v1.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payloads this application writes are the bytes Go's {@code encoding/json} writes for the same
 * values. The expected bytes come from Go itself ({@code src/test/go/reference}, {@code go run .
 * json}), kept in {@code go-json.txt}.
 */
class GoJsonPayloadConverterTest {

  private final GoJsonPayloadConverter converter = new GoJsonPayloadConverter();

  private static List<String[]> goTable() throws IOException {
    return goTable("go-json.txt");
  }

  private static List<String[]> goTable(String name) throws IOException {
    try (InputStream table = GoJsonPayloadConverterTest.class.getResourceAsStream(name)) {
      return new String(table.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t"))
          .toList();
    }
  }

  /**
   * Lone surrogates, escaped as Python's json.dumps and JavaScript's JSON.stringify write them, and
   * bytes that are not UTF-8 read as Go reads them ({@code go run . decode}, kept in {@code
   * go-decode.txt}): U+FFFD, so that the same input always gives the same name.
   */
  @Test
  void readsWhatGoReadsFromLoneSurrogatesAndInvalidUtf8() throws IOException {
    List<String[]> rows = goTable("go-decode.txt");
    assertTrue(rows.size() >= 10, "rows: " + rows.size());
    for (String[] row : rows) {
      Payload payload =
          converter.toData(new HelloInput("x", "en")).orElseThrow().toBuilder()
              .setData(com.google.protobuf.ByteString.copyFrom(HexFormat.of().parseHex(row[0])))
              .build();

      HelloInput read = converter.fromData(payload, HelloInput.class, HelloInput.class);

      assertEquals(
          row[1],
          HexFormat.of().formatHex(read.name().getBytes(StandardCharsets.UTF_8)),
          "the Name Go reads from "
              + new String(HexFormat.of().parseHex(row[0]), StandardCharsets.UTF_8));
    }
  }

  @Test
  void writesTheBytesGoWrites() throws IOException {
    List<String[]> rows = goTable();
    assertTrue(rows.size() >= 30, "rows: " + rows.size());
    for (String[] row : rows) {
      String text = new String(HexFormat.of().parseHex(row[1]), StandardCharsets.UTF_8);
      Object value =
          switch (row[0]) {
            case "EchoOutput" -> new EchoOutput(text);
            case "HelloOutput" -> new HelloOutput(text);
            case "HelloInput" -> new HelloInput(text, "en");
            default -> throw new AssertionError("unknown kind " + row[0]);
          };
      Payload payload = converter.toData(value).orElseThrow();

      assertEquals(
          new String(HexFormat.of().parseHex(row[2]), StandardCharsets.UTF_8),
          payload.getData().toStringUtf8(),
          row[0] + " of " + text);
      assertEquals(row[2], HexFormat.of().formatHex(payload.getData().toByteArray()));
      assertEquals(value, converter.fromData(payload, value.getClass(), value.getClass()));
    }
  }

  @Test
  void writesAnUnpairedSurrogateAsGoWritesInvalidUtf8() {
    Payload payload = converter.toData(new EchoOutput("a\ud800b")).orElseThrow();

    assertEquals("{\"Message\":\"a\\ufffdb\"}", payload.getData().toStringUtf8());
  }
}
