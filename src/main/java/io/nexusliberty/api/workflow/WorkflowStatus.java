package io.nexusliberty.api.workflow;

import java.time.Instant;

/**
 * A caller workflow as {@code GET /api/workflows/{workflowId}} reports it; {@code result} once it
 * completed, {@code failure} once it failed, timed out, was cancelled or terminated, and {@code
 * closeTime} once it finished (absent members are left out).
 */
public record WorkflowStatus(
    String workflowId,
    String runId,
    String type,
    String status,
    String result,
    String failure,
    Instant startTime,
    Instant closeTime) {}
