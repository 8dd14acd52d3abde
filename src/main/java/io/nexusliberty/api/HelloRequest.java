package io.nexusliberty.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/hello}, for the OpenAPI document. */
@Schema(name = "HelloRequest")
public record HelloRequest(
    @Schema(required = true, maxLength = HelloResource.MAX_NAME_LENGTH, example = "Nexus")
        String name,
    @Schema(
            required = true,
            description = "en, fr, de, es or tr, in any case",
            enumeration = {"en", "fr", "de", "es", "tr"},
            example = "es")
        String language) {}
