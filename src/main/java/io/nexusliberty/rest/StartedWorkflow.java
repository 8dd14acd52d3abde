package io.nexusliberty.rest;

import io.temporal.client.WorkflowStub;

/** A caller workflow this API started, or found started under the same idempotency key. */
record StartedWorkflow(String workflowType, String workflowId, String runId, WorkflowStub stub) {}
