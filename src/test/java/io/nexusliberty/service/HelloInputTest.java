package io.nexusliberty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The handler workflow ID rule equals the Go sample's for every name. */
class HelloInputTest {

  /**
   * Name, language and the ID that Go's own {@code HelloWorkflowID} (strings.TrimSpace,
   * strings.ReplaceAll, strings.ToLower) gives for them. Generated, not written by hand: {@code cd
   * src/test/go/reference && go run . workflow-ids} prints these rows.
   */
  private static final String[][] GO_WORKFLOW_IDS = {
    {"Nexus", "en", "hello-en-nexus"},
    {"Ada", "en", "hello-en-ada"},
    {"ada", "en", "hello-en-ada"},
    {" ada ", "en", "hello-en-ada"},
    {"Mary Ann", "fr", "hello-fr-mary-ann"},
    {"mary-ann", "fr", "hello-fr-mary-ann"},
    {"  Mary  Ann  ", "fr", "hello-fr-mary--ann"},
    {"\tTab\t", "de", "hello-de-tab"},
    {"\nLine\r\n", "de", "hello-de-line"},
    {"\u000bVT\u000c", "de", "hello-de-vt"},
    {"O'Brien", "es", "hello-es-o'brien"},
    {"\u0130pek", "tr", "hello-tr-ipek"},
    {"I\u015eIK", "tr", "hello-tr-i\u015fik"},
    {"\u0131i", "tr", "hello-tr-\u0131i"},
    {"\u0130STANBUL", "tr", "hello-tr-istanbul"},
    {
      "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3",
      "en",
      "hello-en-\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c3"
    },
    {"\u03a3", "en", "hello-en-\u03c3"},
    {
      "\u03a3\u0391\u03a3 \u03a3\u0391\u03a3",
      "en",
      "hello-en-\u03c3\u03b1\u03c3-\u03c3\u03b1\u03c3"
    },
    {"Stra\u00dfe", "de", "hello-de-stra\u00dfe"},
    {"STRASSE", "de", "hello-de-strasse"},
    {"\u1e9e", "de", "hello-de-\u00df"},
    {"\ufb01nn", "en", "hello-en-\ufb01nn"},
    {"\u01c4EMAL", "en", "hello-en-\u01c6emal"},
    {"\u01c5emal", "en", "hello-en-\u01c6emal"},
    {"\u00a0Ada\u00a0", "en", "hello-en-ada"},
    {"\u2003Em\u2003", "en", "hello-en-em"},
    {"\u3000Ideo\u3000", "en", "hello-en-ideo"},
    {"\u0085NEL\u0085", "en", "hello-en-nel"},
    {"\u1680Ogham\u2028\u2029", "en", "hello-en-ogham"},
    {"\u202fNarrow\u205f", "en", "hello-en-narrow"},
    {"\u200bZero\u200b", "en", "hello-en-\u200bzero\u200b"},
    {"\u180eMongolian\u180e", "en", "hello-en-\u180emongolian\u180e"},
    {"\ufeffBOM", "en", "hello-en-\ufeffbom"},
    {"A\u030asa", "en", "hello-en-a\u030asa"},
    {"\u00c9lo\u00efse", "fr", "hello-fr-\u00e9lo\u00efse"},
    {"Nexus \ud83d\udc4b", "en", "hello-en-nexus-\ud83d\udc4b"},
    {"\ud83d\udc4b", "en", "hello-en-\ud83d\udc4b"},
    {"\ud83c\udf89 Party \ud83c\udf89", "es", "hello-es-\ud83c\udf89-party-\ud83c\udf89"},
    {"K\u212a", "en", "hello-en-kk"},
    {"\u212bngstr\u00f6m", "en", "hello-en-\u00e5ngstr\u00f6m"},
    {"\u2126hm", "en", "hello-en-\u03c9hm"},
    {"\u03f4eta", "en", "hello-en-\u03b8eta"},
    {"\u13a0\u13f4", "en", "hello-en-\uab70\u13fc"},
    {"\ud801\udc00\ud801\udc01", "en", "hello-en-\ud801\udc28\ud801\udc29"},
    {"\ud801\udd70\ud801\udd71", "en", "hello-en-\ud801\udd97\ud801\udd98"},
    {"\u2c2f\ua7c0\ua7d0", "en", "hello-en-\u2c5f\ua7c1\ua7d1"},
    {"\u1c90\u1c91", "en", "hello-en-\u10d0\u10d1"},
    {"\uff21\uff22\uff23", "en", "hello-en-\uff41\uff42\uff43"},
    {"a-b c", "en", "hello-en-a-b-c"},
    {"\u65e5\u672c \u8a9e", "en", "hello-en-\u65e5\u672c-\u8a9e"},
  };

  static Stream<Arguments> goWorkflowIds() {
    return Arrays.stream(GO_WORKFLOW_IDS).map(row -> Arguments.of(row[0], row[1], row[2]));
  }

  @ParameterizedTest
  @MethodSource("goWorkflowIds")
  void handlerWorkflowIdEqualsGos(String name, String language, String expected) {
    assertEquals(
        expected,
        new HelloInput(name, language).handlerWorkflowId(),
        "ID for " + name.codePoints().mapToObj(Integer::toHexString).toList());
  }
}
