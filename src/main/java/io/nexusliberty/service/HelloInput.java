package io.nexusliberty.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nexusliberty.temporal.NexusInputShape;

/**
 * Input of the {@code say-hello} operation: {@code {"Name": "...", "Language": "en"}} on the wire.
 *
 * <p>The language stays a plain string, as in the Go sample, so that an unsupported code reaches
 * the handler, which refuses it with a message naming it.
 */
public record HelloInput(
    @JsonProperty("Name") String name,
    @JsonProperty("Language") @NexusInputShape.OneOf(Language.class) String language) {

  /**
   * The business ID of the handler workflow for this input, exactly as the Go sample builds it:
   * {@code hello-<language>-<name>}, the name trimmed of Unicode white space, its spaces replaced
   * by dashes, and lower-cased code point by code point ({@link GoStrings}).
   */
  public String handlerWorkflowId() {
    return "hello-"
        + language
        + "-"
        + GoStrings.toLower(GoStrings.trimSpace(name).replace(' ', '-'));
  }
}
