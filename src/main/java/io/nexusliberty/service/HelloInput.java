package io.nexusliberty.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Input of the {@code say-hello} operation: {@code {"Name": "...", "Language": "en"}} on the wire.
 *
 * <p>The language stays a plain string, as in the Go sample, so that an unsupported code reaches
 * the handler workflow, which rejects it with a message naming it.
 */
public record HelloInput(
    @JsonProperty("Name") String name, @JsonProperty("Language") String language) {

  /**
   * The ID of the handler workflow that serves this input: {@code hello-<language>-<name>}, the
   * name trimmed, lower-cased and with spaces replaced by dashes. Business-meaningful IDs dedupe
   * workflow starts: repeated greetings for the same name and language share one workflow.
   */
  public String handlerWorkflowId() {
    String normalizedName = name.strip().replace(' ', '-').toLowerCase(Locale.ROOT);
    return "hello-" + language + "-" + normalizedName;
  }
}
