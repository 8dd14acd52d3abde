package io.nexusliberty.temporal.health;

/** The Temporal frontend does not answer; the REST API answers 503 with this message. */
public class TemporalUnavailableException extends RuntimeException {

  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
