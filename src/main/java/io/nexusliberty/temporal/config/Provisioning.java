package io.nexusliberty.temporal.config;

/**
 * Whether startup creates missing namespaces and the Nexus endpoint ({@code temporal.provision}).
 */
public enum Provisioning {
  /** Provision only on the embedded server, which starts empty every time. */
  AUTO,
  /** Always provision; idempotent, so safe on every start. */
  TRUE,
  /** Never provision: the namespaces and endpoint are managed elsewhere. */
  FALSE;

  boolean appliesTo(boolean embedded) {
    return this == TRUE || (this == AUTO && embedded);
  }
}
