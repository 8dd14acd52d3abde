package io.nexusliberty.it.team;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nexusrpc.Operation;
import io.nexusrpc.Service;

/** A second team's Nexus contract, deployed beside the hello service through the same endpoint. */
@Service(name = "it-word-service")
public interface WordService {

  /** Shouts a word: a workflow-backed operation. */
  @Operation(name = "shout")
  Shout shout(Word input);

  /** Input of {@code shout}. */
  record Word(@JsonProperty("Word") String word) {}

  /** Output of {@code shout}. */
  record Shout(@JsonProperty("Shout") String shout) {}
}
