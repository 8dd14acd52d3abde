package io.nexusliberty.api;

import io.nexusliberty.api.problem.ProblemDocument;
import io.nexusliberty.api.workflow.WorkflowAccepted;
import io.nexusliberty.api.workflow.WorkflowResult;
import io.nexusliberty.api.workflow.WorkflowStatus;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JAX-RS application: every resource answers under {@code /api}. The OpenAPI document's answers
 * (each operation's success, the problem answers they share) are written once, in {@link
 * OpenApiAnswers}; the resources document their operations and bodies.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "nexus-liberty",
            version = "1.0",
            description =
                "Starts Temporal's hello-Nexus caller workflows, which call the Nexus service"
                    + " my-hello-service through the endpoint my-nexus-endpoint-name, and reports"
                    + " on them. Errors are application/problem+json."),
    components =
        @Components(
            schemas = {
              @Schema(name = "WorkflowAccepted", implementation = WorkflowAccepted.class),
              @Schema(name = "WorkflowResult", implementation = WorkflowResult.class),
              @Schema(name = "WorkflowStatus", implementation = WorkflowStatus.class),
              @Schema(name = "Problem", implementation = ProblemDocument.class)
            }))
public class NexusApiApplication extends Application {}
