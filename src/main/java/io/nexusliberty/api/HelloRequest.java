package io.nexusliberty.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/hello}, for the OpenAPI document. */
@Schema(name = "HelloRequest")
public record HelloRequest(
    @Schema(required = true, maxLength = HelloRequest.MAX_NAME_LENGTH, example = "Nexus")
        String name,
    /* Its codes, from the one list of languages: OpenApiAnswers. */
    @Schema(required = true, example = "es") String language) {

  /** Longest name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 100;
}
