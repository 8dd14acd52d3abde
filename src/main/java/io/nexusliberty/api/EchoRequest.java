package io.nexusliberty.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/echo}, for the OpenAPI document. */
@Schema(name = "EchoRequest")
public record EchoRequest(
    @Schema(required = true, maxLength = EchoRequest.MAX_MESSAGE_LENGTH, example = "Nexus Echo 👋")
        String message) {

  /** Longest message accepted, in characters. */
  static final int MAX_MESSAGE_LENGTH = 1000;
}
