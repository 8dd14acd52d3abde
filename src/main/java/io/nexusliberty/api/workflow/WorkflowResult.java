package io.nexusliberty.api.workflow;

/** The answer of a finished caller workflow: its IDs and its result. */
public record WorkflowResult(String workflowId, String runId, String result) {}
