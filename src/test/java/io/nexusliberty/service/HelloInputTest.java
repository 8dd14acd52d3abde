package io.nexusliberty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handler workflow ID rule shared with the Go sample. */
class HelloInputTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Nexus|es|hello-es-nexus",
        "'  Ada Lovelace  '|fr|hello-fr-ada-lovelace",
        "Grace  Hopper|en|hello-en-grace--hopper",
        "ÉMILE|fr|hello-fr-émile"
      })
  void handlerWorkflowIdIsLanguageThenTrimmedLowerCasedDashedName(
      String name, String language, String expected) {
    assertEquals(expected, new HelloInput(name, language).handlerWorkflowId(), "ID for " + name);
  }
}
