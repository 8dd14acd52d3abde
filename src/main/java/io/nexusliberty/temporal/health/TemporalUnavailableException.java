package io.nexusliberty.temporal.health;

/**
 * Temporal cannot serve a call now (the server does not answer, the Nexus endpoint is missing, a
 * call failed on the server's side); the HTTP API answers 503 with this message.
 */
public class TemporalUnavailableException extends RuntimeException {

  private String workflowId;

  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Names the workflow the failed call was about. */
  TemporalUnavailableException about(String workflowId) {
    this.workflowId = workflowId;
    return this;
  }

  /** The workflow the failed call was about, or null. */
  public String workflowId() {
    return workflowId;
  }
}
