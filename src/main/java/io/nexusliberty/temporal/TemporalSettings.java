package io.nexusliberty.temporal;

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

  public static final String CONFIG_FILE = "temporal.config-file";
  public static final String PROFILE = "temporal.profile";
  public static final String ADDRESS = "temporal.address";
  public static final String API_KEY = "temporal.api-key";
  public static final String TLS = "temporal.tls";
  public static final String TLS_CLIENT_CERT_PATH = "temporal.tls.client-cert-path";
  public static final String TLS_CLIENT_CERT_DATA = "temporal.tls.client-cert-data";
  public static final String TLS_CLIENT_KEY_PATH = "temporal.tls.client-key-path";
  public static final String TLS_CLIENT_KEY_DATA = "temporal.tls.client-key-data";
  public static final String TLS_SERVER_CA_CERT_PATH = "temporal.tls.server-ca-cert-path";
  public static final String TLS_SERVER_CA_CERT_DATA = "temporal.tls.server-ca-cert-data";
  public static final String TLS_SERVER_NAME = "temporal.tls.server-name";
  public static final String TLS_DISABLE_HOST_VERIFICATION =
      "temporal.tls.disable-host-verification";
  public static final String CALLER_NAMESPACE = "temporal.caller.namespace";
  public static final String CALLER_TASK_QUEUE = "temporal.caller.task-queue";
  public static final String HANDLER_NAMESPACE = "temporal.handler.namespace";
  public static final String HANDLER_TASK_QUEUE = "temporal.handler.task-queue";
  public static final String NEXUS_ENDPOINT = "temporal.nexus.endpoint";
  public static final String NEXUS_OPERATION_TIMEOUT = "temporal.nexus.operation-timeout";
  public static final String NEXUS_SERVICE_ENDPOINTS = "temporal.nexus.service-endpoints";
  public static final String WORKERS = "temporal.workers";
  public static final String WORKER_IDENTITY = "temporal.worker.identity";
  public static final String WORKFLOW_CACHE_SIZE = "temporal.worker.workflow-cache-size";
  public static final String MAX_WORKFLOW_THREADS = "temporal.worker.max-workflow-threads";
  public static final String PROVISION = "temporal.provision";
  public static final String EMBEDDED_PORT = "temporal.embedded.port";
  public static final String EMBEDDED_MAX_CLOSED_WORKFLOWS =
      "temporal.embedded.max-closed-workflows";
  public static final String SHUTDOWN_TIMEOUT = "temporal.shutdown-timeout";
  public static final String STUCK_TASK_TIMEOUT = "temporal.stuck-task-timeout";
  public static final String API_WAIT_TIMEOUT = "api.wait-timeout";
  public static final String API_ALLOWED_ORIGINS = "api.allowed-origins";
  public static final String API_AUTH_REQUIRED = "api.auth-required";
  public static final String API_ALLOW_ANONYMOUS = "api.allow-anonymous";
  public static final String API_PUBLIC_ORIGINS = "api.public-origins";
  public static final String API_TRUSTED_PROXIES = "api.trusted-proxies";
  public static final String HTTP_HOST = "http.host";
  public static final String JWT_PUBLIC_KEY = "mp.jwt.verify.publickey";
  public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  public static final String JWT_ISSUER = "mp.jwt.verify.issuer";
  public static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";

  private final String clientProfile;
  private final Map<String, String> grpcMetadata;
  private final String address;
  private final TlsSettings tls;
  private final String callerNamespace;
  private final String callerTaskQueue;
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
  private final Provisioning provisioning;
  private final int embeddedPort;
  private final int embeddedMaxClosedWorkflows;
  private final Duration shutdownTimeout;
  private final Duration stuckTaskTimeout;
  private final Duration apiWaitTimeout;
  private final ApiAccess apiAccess;

  private TemporalSettings(Function<String, Optional<String>> lookup, ClientProfile profile) {
    SettingsReader reader = new SettingsReader(lookup);
    clientProfile = profile.source();
    grpcMetadata = profile.grpcMetadata();
    address =
        reader
            .optional(ADDRESS)
            .map(value -> SettingFormats.validAddress(ADDRESS, value))
            .orElse(null);
    tls = TlsSettingsReader.read(reader, address != null);
    callerNamespace = reader.required(CALLER_NAMESPACE);
    callerTaskQueue = reader.required(CALLER_TASK_QUEUE);
    handlerNamespace = reader.required(HANDLER_NAMESPACE);
    handlerTaskQueue = reader.required(HANDLER_TASK_QUEUE);
    nexusEndpoint =
        SettingFormats.validEndpointName(NEXUS_ENDPOINT, reader.required(NEXUS_ENDPOINT));
    operationTimeout = reader.duration(NEXUS_OPERATION_TIMEOUT);
    serviceEndpoints =
        SettingFormats.readServiceEndpoints(reader.optional(NEXUS_SERVICE_ENDPOINTS).orElse(""));
    roles = SettingFormats.readRoles(reader.required(WORKERS));
    workerIdentity = reader.optional(WORKER_IDENTITY).orElse(null);
    workflowCacheSize = reader.integer(WORKFLOW_CACHE_SIZE, 0);
    maxWorkflowThreads = reader.integer(MAX_WORKFLOW_THREADS, 1);
    tuning =
        Map.of(
            Role.CALLER, WorkerTuning.read(reader, Role.CALLER),
            Role.HANDLER, WorkerTuning.read(reader, Role.HANDLER));
    provisioning = reader.choice(PROVISION, Provisioning.class);
    embeddedPort = reader.port(EMBEDDED_PORT);
    embeddedMaxClosedWorkflows = reader.integer(EMBEDDED_MAX_CLOSED_WORKFLOWS, 0);
    shutdownTimeout = reader.duration(SHUTDOWN_TIMEOUT);
    stuckTaskTimeout = reader.duration(STUCK_TASK_TIMEOUT);
    apiWaitTimeout = reader.duration(API_WAIT_TIMEOUT);
    apiAccess = readApiAccess(reader);
  }

  private static ApiAccess readApiAccess(SettingsReader reader) {
    String keySetting =
        reader.optional(JWT_PUBLIC_KEY).isPresent()
            ? JWT_PUBLIC_KEY
            : reader.optional(JWT_PUBLIC_KEY_LOCATION).isPresent() ? JWT_PUBLIC_KEY_LOCATION : null;
    if (keySetting != null && reader.optional(JWT_ISSUER).isEmpty()) {
      throw new InvalidSettingException(
          JWT_ISSUER,
          "not set, but "
              + keySetting
              + " is: tokens are accepted only from the issuer named here, the identity"
              + " provider's iss (such as https://login.example.com/realms/acme)");
    }
    ApiAccess.Authentication authentication =
        keySetting != null
            ? ApiAccess.Authentication.TOKENS
            : reader.bool(API_AUTH_REQUIRED)
                ? ApiAccess.Authentication.SERVER
                : ApiAccess.Authentication.NONE;
    return new ApiAccess(
        authentication,
        keySetting,
        reader.bool(API_ALLOW_ANONYMOUS),
        reader.optional(HTTP_HOST).orElse(null),
        SettingFormats.readOrigins(
            API_PUBLIC_ORIGINS, reader.optional(API_PUBLIC_ORIGINS).orElse("")),
        SettingFormats.readOrigins(
            API_ALLOWED_ORIGINS, reader.optional(API_ALLOWED_ORIGINS).orElse("")),
        SettingFormats.readAddressRanges(
            API_TRUSTED_PROXIES, reader.optional(API_TRUSTED_PROXIES).orElse("")));
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
        ClientProfile.load(reader.optional(CONFIG_FILE), reader.optional(PROFILE), environment);
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

  /** How long an API call waits for its workflow's result before answering 504. */
  public Duration apiWaitTimeout() {
    return apiWaitTimeout;
  }

  /** Who may call the HTTP API, and under which names it is reached. */
  public ApiAccess apiAccess() {
    return apiAccess;
  }
}
