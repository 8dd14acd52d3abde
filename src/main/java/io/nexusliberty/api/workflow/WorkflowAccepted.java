package io.nexusliberty.api.workflow;

/** The 202 answer to a call with {@code ?wait=false}: where to follow the workflow. */
public record WorkflowAccepted(String workflowId, String runId, String status) {}
