package io.nexusliberty.api.workflow;

import io.temporal.client.WorkflowStub;

/** A caller workflow this API started, or found started under the same idempotency key. */
public record StartedWorkflow(
    String workflowType, String workflowId, String runId, WorkflowStub stub) {}
