package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WorkerVersioning;
import io.nexusliberty.temporal.connection.TemporalConnection;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one line logged at startup with everything an operator needs to know about Temporal. */
final class StartupLine {

  private StartupLine() {}

  /** What these settings and this connection (embedded server or configured) amount to. */
  static String describe(TemporalSettings settings, TemporalConnection connection) {
    String target = connection.target();
    return "Temporal: "
        + (settings.embedded() ? "embedded server at " + target : "server at " + target)
        + " ("
        + settings.tls().describe()
        + (settings.grpcMetadata().isEmpty()
            ? ""
            : ", gRPC metadata " + settings.grpcMetadata().keySet())
        + ")"
        + settings.clientProfile().map(source -> ", client settings from " + source).orElse("")
        + "; roles: "
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
        + (settings.provisions() ? "on" : "off")
        + "; tracing "
        + connection.tracing().describe()
        + "; workers "
        + connection.identity()
        + ", workflow cache "
        + settings.workflowCacheSize()
        + ", "
        + settings.maxWorkflowThreads()
        + " workflow threads; caller: "
        + settings.tuning(Role.CALLER).describe()
        + "; handler: "
        + settings.tuning(Role.HANDLER).describe()
        + "; versioning: "
        + versioning(settings);
  }

  /** "caller unversioned, handler deployment hello, build 2, pinned by default". */
  private static String versioning(TemporalSettings settings) {
    if (settings.versioningIgnored()) {
      return "off (the embedded server does not support it)";
    }
    return settings.roles().stream()
        .sorted()
        .map(
            role ->
                role.configName()
                    + " "
                    + settings
                        .versioning(role)
                        .map(WorkerVersioning::describe)
                        .orElse("unversioned"))
        .collect(Collectors.joining(", "))
        .transform(described -> described.isEmpty() ? "no roles" : described);
  }
}
