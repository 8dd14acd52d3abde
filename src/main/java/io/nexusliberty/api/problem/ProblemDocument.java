package io.nexusliberty.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of an {@code application/problem+json} answer, for the OpenAPI document. */
@Schema(name = "Problem", description = "An error answer (RFC 9457)")
public record ProblemDocument(
    @Schema(example = "about:blank") String type,
    @Schema(example = "Invalid request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "The field \"name\" must not be blank") String detail,
    @Schema(description = "The request field at fault (400)", example = "name") String field,
    @Schema(description = "The workflow the answer is about", example = "hello-caller-3f2a")
        String workflowId) {}
