package io.nexusliberty.temporal;

import java.util.Locale;

/** A worker role one deployment can run ({@code temporal.workers}). */
public enum Role {
  /** Polls the caller task queue and runs the caller workflows. */
  CALLER,
  /** Polls the handler task queue and serves the Nexus service and its workflow. */
  HANDLER;

  /** The name used in {@code temporal.workers}, such as {@code caller}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
