package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.settings.SettingsReader;
import io.nexusliberty.temporal.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every Temporal setting of the application, read from MicroProfile Config and validated as a
 * whole. Defaults live in the WAR ({@code META-INF/microprofile-config.properties}), not here.
 */
public final class TemporalSettings {

  private final String clientProfile;
  private final Map<String, String> grpcMetadata;
  private final String address;
  private final TlsSettings tls;
  private final String callerNamespace;
  private final String callerTaskQueue;
  private final boolean eagerStart;
  private final String handlerNamespace;
  private final String handlerTaskQueue;
  private final String nexusEndpoint;
  private final Duration operationTimeout;
  private final Map<String, String> serviceEndpoints;
  private final Set<Role> roles;
  private final String workerIdentity;
  private final int workflowCacheSize;
  private final int maxWorkflowThreads;
  private final Map<Role, WorkerTuning> tuning;
  private final Map<Role, Optional<WorkerVersioning>> versioning;
  private final Provisioning provisioning;
  private final int embeddedPort;
  private final int embeddedMaxClosedWorkflows;
  private final Duration shutdownTimeout;
  private final Duration stuckTaskTimeout;

  private TemporalSettings(Function<String, Optional<String>> lookup, ClientProfile profile) {
    SettingsReader reader = new SettingsReader(lookup);
    clientProfile = profile.source();
    grpcMetadata = profile.grpcMetadata();
    address =
        reader
            .optional(SettingNames.ADDRESS)
            .map(value -> SettingFormats.validAddress(SettingNames.ADDRESS, value))
            .orElse(null);
    tls = TlsSettingsReader.read(reader, address != null);
    callerNamespace = reader.required(SettingNames.CALLER_NAMESPACE);
    callerTaskQueue = reader.required(SettingNames.CALLER_TASK_QUEUE);
    eagerStart = reader.bool(SettingNames.CALLER_EAGER_START);
    handlerNamespace = reader.required(SettingNames.HANDLER_NAMESPACE);
    handlerTaskQueue = reader.required(SettingNames.HANDLER_TASK_QUEUE);
    nexusEndpoint =
        SettingFormats.validEndpointName(
            SettingNames.NEXUS_ENDPOINT, reader.required(SettingNames.NEXUS_ENDPOINT));
    operationTimeout = reader.duration(SettingNames.NEXUS_OPERATION_TIMEOUT);
    serviceEndpoints =
        SettingFormats.readServiceEndpoints(
            reader.optional(SettingNames.NEXUS_SERVICE_ENDPOINTS).orElse(""));
    roles = SettingFormats.readRoles(reader.required(SettingNames.WORKERS));
    workerIdentity = reader.optional(SettingNames.WORKER_IDENTITY).orElse(null);
    workflowCacheSize = reader.integer(SettingNames.WORKFLOW_CACHE_SIZE, 0);
    maxWorkflowThreads = reader.integer(SettingNames.MAX_WORKFLOW_THREADS, 1);
    tuning =
        Map.of(
            Role.CALLER, WorkerTuning.read(reader, Role.CALLER),
            Role.HANDLER, WorkerTuning.read(reader, Role.HANDLER));
    versioning =
        Map.of(
            Role.CALLER, WorkerVersioning.read(reader, Role.CALLER),
            Role.HANDLER, WorkerVersioning.read(reader, Role.HANDLER));
    provisioning = reader.choice(SettingNames.PROVISION, Provisioning.class);
    embeddedPort = reader.port(SettingNames.EMBEDDED_PORT);
    embeddedMaxClosedWorkflows = reader.integer(SettingNames.EMBEDDED_MAX_CLOSED_WORKFLOWS, 0);
    shutdownTimeout = reader.duration(SettingNames.SHUTDOWN_TIMEOUT);
    stuckTaskTimeout = reader.duration(SettingNames.STUCK_TASK_TIMEOUT);
  }

  /**
   * Reads and validates every setting.
   *
   * @param lookup the value of a property, empty when it is not set
   * @throws InvalidSettingException naming the first property that is missing, malformed or
   *     inconsistent with another
   */
  public static TemporalSettings load(Function<String, Optional<String>> lookup) {
    return new TemporalSettings(lookup, ClientProfile.NONE);
  }

  /**
   * Reads and validates every setting, with Temporal's client configuration (a {@code
   * temporal.toml} profile and the {@code TEMPORAL_*} variables, as the Temporal CLI reads them)
   * ranked between the deployment's configuration and the WAR's defaults.
   *
   * @param configured a setting's value where the deployment sets it (server.xml, environment,
   *     system properties), empty where only the WAR's default gives one
   * @param defaults a setting's value from the WAR's defaults
   * @param environment the process environment, for Temporal's client configuration
   * @throws InvalidSettingException naming the first property that is missing, malformed or
   *     inconsistent with another, and the profile when the value came from there
   */
  public static TemporalSettings load(
      Function<String, Optional<String>> configured,
      Function<String, Optional<String>> defaults,
      Map<String, String> environment) {
    SettingsReader reader =
        new SettingsReader(name -> configured.apply(name).or(() -> defaults.apply(name)));
    ClientProfile profile =
        ClientProfile.load(
            reader.optional(SettingNames.CONFIG_FILE),
            reader.optional(SettingNames.PROFILE),
            environment);
    LayeredSettings layers = new LayeredSettings(configured, defaults, profile);
    try {
      return new TemporalSettings(layers, profile);
    } catch (InvalidSettingException e) {
      throw layers.fromProfile(e.property()) ? e.from(profile.source()) : e;
    }
  }

  /**
   * Where Temporal's client configuration supplied settings, such as {@code profile "prod" of
   * /etc/temporal.toml and TEMPORAL_* variables}; empty when it supplied none.
   */
  public Optional<String> clientProfile() {
    return Optional.ofNullable(clientProfile);
  }

  /** gRPC metadata sent with every call to the server, by lower-case key. */
  public Map<String, String> grpcMetadata() {
    return grpcMetadata;
  }

  /** host:port of the Temporal frontend, or null to start the embedded server. */
  public String address() {
    return address;
  }

  public boolean embedded() {
    return address == null;
  }

  public TlsSettings tls() {
    return tls;
  }

  public String callerNamespace() {
    return callerNamespace;
  }

  public String callerTaskQueue() {
    return callerTaskQueue;
  }

  /**
   * Whether the caller workflows the API starts ask for their first workflow task in the start's
   * answer, for this instance's caller worker, instead of waiting for it to be polled.
   */
  public boolean eagerStart() {
    return eagerStart;
  }

  public String handlerNamespace() {
    return handlerNamespace;
  }

  public String handlerTaskQueue() {
    return handlerTaskQueue;
  }

  public String nexusEndpoint() {
    return nexusEndpoint;
  }

  /**
   * Endpoints of Nexus services that callers reach through another endpoint than {@link
   * #nexusEndpoint}, by service name.
   */
  public Map<String, String> serviceEndpoints() {
    return serviceEndpoints;
  }

  /** The namespace of a role's workers. */
  public String namespace(Role role) {
    return role == Role.CALLER ? callerNamespace : handlerNamespace;
  }

  /** The task queue of a role's workers. */
  public String taskQueue(Role role) {
    return role == Role.CALLER ? callerTaskQueue : handlerTaskQueue;
  }

  /** Schedule-to-close timeout of each Nexus operation the caller workflows start. */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** How the workers name themselves to the server, or empty for host, process and deployment. */
  public Optional<String> workerIdentity() {
    return Optional.ofNullable(workerIdentity);
  }

  /** Workflow executions each worker factory keeps cached (Temporal's sticky execution). */
  public int workflowCacheSize() {
    return workflowCacheSize;
  }

  /** Threads each worker factory may run workflow code on. */
  public int maxWorkflowThreads() {
    return maxWorkflowThreads;
  }

  /** How a role's workers are sized. */
  public WorkerTuning tuning(Role role) {
    return tuning.get(role);
  }

  /**
   * The Worker Deployment Version a role's workers poll as, or empty for unversioned workers: when
   * none is configured, and on the embedded server, which does not support versioning.
   */
  public Optional<WorkerVersioning> versioning(Role role) {
    return embedded() ? Optional.empty() : versioning.get(role);
  }

  /** Whether a version is configured for a role that the embedded server makes unversioned. */
  public boolean versioningIgnored() {
    return embedded() && versioning.values().stream().anyMatch(Optional::isPresent);
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean runs(Role role) {
    return roles.contains(role);
  }

  /** Whether this start creates missing namespaces and the endpoint. */
  public boolean provisions() {
    return provisioning.appliesTo(embedded());
  }

  public Provisioning provisioning() {
    return provisioning;
  }

  /** Port of the embedded server; 0 picks a free one. */
  public int embeddedPort() {
    return embeddedPort;
  }

  /** How many closed workflows the embedded server keeps; older ones are dropped. */
  public int embeddedMaxClosedWorkflows() {
    return embeddedMaxClosedWorkflows;
  }

  /** How long stopping waits for in-flight tasks. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How long a worker may run one task before /health/live calls it stuck. */
  public Duration stuckTaskTimeout() {
    return stuckTaskTimeout;
  }
}
