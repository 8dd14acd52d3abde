package io.nexusliberty.temporal;

import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one line logged at startup with everything an operator needs to know about Temporal. */
final class StartupLine {

  private StartupLine() {}

  /**
   * @param target host:port of the Temporal frontend in use, embedded or configured
   */
  static String describe(TemporalSettings settings, String target) {
    return "Temporal: "
        + (settings.embedded() ? "embedded server at " + target : "server at " + target)
        + " ("
        + settings.tls().describe()
        + "); roles: "
        + (settings.roles().isEmpty()
            ? "none"
            : settings.roles().stream()
                .map(Role::configName)
                .sorted()
                .collect(Collectors.joining(",")))
        + "; caller namespace "
        + settings.callerNamespace()
        + ", task queue "
        + settings.callerTaskQueue()
        + "; handler namespace "
        + settings.handlerNamespace()
        + ", task queue "
        + settings.handlerTaskQueue()
        + "; Nexus endpoint "
        + settings.nexusEndpoint()
        + (settings.serviceEndpoints().isEmpty()
            ? ""
            : " (" + new TreeMap<>(settings.serviceEndpoints()) + " by service)")
        + ", operation timeout "
        + settings.operationTimeout()
        + "; provisioning "
        + (settings.provisions() ? "on" : "off");
  }
}
