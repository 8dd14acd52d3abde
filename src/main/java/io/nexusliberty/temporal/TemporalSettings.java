package io.nexusliberty.temporal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Temporal setting of the application, read from MicroProfile Config and validated as a
 * whole. Defaults live in server.xml ({@code <variable defaultValue=..>}), not here.
 */
public final class TemporalSettings {

  public static final String ADDRESS = "temporal.address";
  public static final String API_KEY = "temporal.api-key";
  public static final String TLS = "temporal.tls";
  public static final String TLS_CLIENT_CERT_PATH = "temporal.tls.client-cert-path";
  public static final String TLS_CLIENT_KEY_PATH = "temporal.tls.client-key-path";
  public static final String TLS_SERVER_CA_CERT_PATH = "temporal.tls.server-ca-cert-path";
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
  public static final String PROVISION = "temporal.provision";
  public static final String EMBEDDED_PORT = "temporal.embedded.port";
  public static final String SHUTDOWN_TIMEOUT = "temporal.shutdown-timeout";
  public static final String STUCK_TASK_TIMEOUT = "temporal.stuck-task-timeout";
  public static final String API_WAIT_TIMEOUT = "api.wait-timeout";
  public static final String API_ALLOWED_ORIGINS = "api.allowed-origins";

  private static final Pattern ADDRESS_FORMAT =
      Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[^:/\\s]+):(\\d{1,5})$");
  private static final Pattern ORIGIN = Pattern.compile("^https?://[^/\\s?#@]+$");
  private static final Pattern SHORT_DURATION = Pattern.compile("^(\\d{1,9})\\s*(ms|s|m|h)$");

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
  private final Provisioning provisioning;
  private final int embeddedPort;
  private final Duration shutdownTimeout;
  private final Duration stuckTaskTimeout;
  private final Duration apiWaitTimeout;
  private final Set<String> apiAllowedOrigins;

  private TemporalSettings(Function<String, Optional<String>> lookup) {
    Reader reader = new Reader(lookup);
    address = reader.optional(ADDRESS).map(value -> validAddress(ADDRESS, value)).orElse(null);
    tls = readTls(reader, address != null);
    callerNamespace = reader.required(CALLER_NAMESPACE);
    callerTaskQueue = reader.required(CALLER_TASK_QUEUE);
    handlerNamespace = reader.required(HANDLER_NAMESPACE);
    handlerTaskQueue = reader.required(HANDLER_TASK_QUEUE);
    nexusEndpoint = validEndpointName(NEXUS_ENDPOINT, reader.required(NEXUS_ENDPOINT));
    operationTimeout = reader.duration(NEXUS_OPERATION_TIMEOUT);
    serviceEndpoints = readServiceEndpoints(reader.optional(NEXUS_SERVICE_ENDPOINTS).orElse(""));
    roles = readRoles(reader.required(WORKERS));
    provisioning = reader.choice(PROVISION, Provisioning.class);
    embeddedPort = reader.port(EMBEDDED_PORT);
    shutdownTimeout = reader.duration(SHUTDOWN_TIMEOUT);
    stuckTaskTimeout = reader.duration(STUCK_TASK_TIMEOUT);
    apiWaitTimeout = reader.duration(API_WAIT_TIMEOUT);
    apiAllowedOrigins = readOrigins(reader.optional(API_ALLOWED_ORIGINS).orElse(""));
  }

  /**
   * Reads and validates every setting.
   *
   * @param lookup the value of a property, empty when it is not set
   * @throws InvalidSettingException naming the first property that is missing, malformed or
   *     inconsistent with another
   */
  public static TemporalSettings load(Function<String, Optional<String>> lookup) {
    return new TemporalSettings(lookup);
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

  /**
   * Origins other than the application's own whose pages may make changing requests (POST) to the
   * API, lower-cased: {@code scheme://host[:port]} each.
   */
  public Set<String> apiAllowedOrigins() {
    return apiAllowedOrigins;
  }

  private static Set<String> readOrigins(String value) {
    Set<String> origins = new java.util.LinkedHashSet<>();
    for (String entry : value.split(",")) {
      String origin = entry.strip().toLowerCase(java.util.Locale.ROOT);
      if (origin.isEmpty()) {
        continue;
      }
      if (!ORIGIN.matcher(origin).matches()) {
        throw new InvalidSettingException(
            API_ALLOWED_ORIGINS,
            "\""
                + entry.strip()
                + "\" is not an origin: use scheme://host[:port], such as https://app.example.com,"
                + " separated by commas");
      }
      origins.add(origin);
    }
    return Set.copyOf(origins);
  }

  private static TlsSettings readTls(Reader reader, boolean remote) {
    TlsSettings tls =
        new TlsSettings(
            reader.bool(TLS),
            reader.optional(API_KEY).orElse(null),
            reader.readableFile(TLS_CLIENT_CERT_PATH),
            reader.readableFile(TLS_CLIENT_KEY_PATH),
            reader.readableFile(TLS_SERVER_CA_CERT_PATH),
            reader.optional(TLS_SERVER_NAME).orElse(null),
            reader.bool(TLS_DISABLE_HOST_VERIFICATION));
    if (tls.clientCertPath() != null && tls.clientKeyPath() == null) {
      throw new InvalidSettingException(
          TLS_CLIENT_KEY_PATH, "not set, but " + TLS_CLIENT_CERT_PATH + " is: set both or neither");
    }
    if (tls.clientKeyPath() != null && tls.clientCertPath() == null) {
      throw new InvalidSettingException(
          TLS_CLIENT_CERT_PATH, "not set, but " + TLS_CLIENT_KEY_PATH + " is: set both or neither");
    }
    if (tls.apiKey() != null && tls.clientCertPath() != null) {
      throw new InvalidSettingException(
          API_KEY,
          "set together with "
              + TLS_CLIENT_CERT_PATH
              + ": authenticate with an API key or a client certificate, not both");
    }
    if (tls.active() && !remote) {
      throw new InvalidSettingException(
          ADDRESS,
          "not set, so the embedded server (plaintext) would be used, but TLS or an API key is"
              + " configured: set "
              + ADDRESS
              + " to the server those settings are for");
    }
    // Builds the TLS context once to find unusable certificates and keys now, at deployment.
    TlsContextFactory.create(tls);
    return tls;
  }

  private static Set<Role> readRoles(String value) {
    if (value.strip().equalsIgnoreCase("none")) {
      return Set.of();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : value.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      Role role =
          Arrays.stream(Role.values())
              .filter(candidate -> candidate.configName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidSettingException(
                          WORKERS,
                          "unknown role \""
                              + part.strip()
                              + "\": use a comma-separated list of caller and handler, or none"));
      roles.add(role);
    }
    return Set.copyOf(roles);
  }

  private static String validAddress(String property, String value) {
    Matcher matcher = ADDRESS_FORMAT.matcher(value);
    if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65535) {
      throw new InvalidSettingException(
          property, "\"" + value + "\" is not host:port (for example localhost:7233)");
    }
    return value;
  }

  private static Map<String, String> readServiceEndpoints(String value) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String service = equals < 0 ? "" : entry.substring(0, equals).strip();
      if (service.isEmpty()) {
        throw new InvalidSettingException(
            NEXUS_SERVICE_ENDPOINTS,
            "\""
                + entry.strip()
                + "\" is not service=endpoint: use a comma-separated list such as"
                + " my-hello-service=my-endpoint");
      }
      endpoints.put(
          service, validEndpointName(NEXUS_SERVICE_ENDPOINTS, entry.substring(equals + 1).strip()));
    }
    return Map.copyOf(endpoints);
  }

  private static String validEndpointName(String property, String value) {
    // Temporal accepts endpoint names of letters, digits, '-' and '_', starting with a letter.
    if (!value.matches("[A-Za-z][A-Za-z0-9_-]{0,199}")) {
      throw new InvalidSettingException(
          property,
          "\""
              + value
              + "\" is not a valid endpoint name: letters, digits, '-' and '_', starting with a"
              + " letter");
    }
    return value;
  }

  /** Reads single properties and reports the property at fault. */
  private static final class Reader {
    private final Function<String, Optional<String>> lookup;

    Reader(Function<String, Optional<String>> lookup) {
      this.lookup = lookup;
    }

    Optional<String> optional(String property) {
      return lookup.apply(property).map(String::strip).filter(value -> !value.isEmpty());
    }

    String required(String property) {
      return optional(property)
          .orElseThrow(
              () ->
                  new InvalidSettingException(
                      property,
                      "not set; its default is a <variable defaultValue=..> in server.xml"));
    }

    boolean bool(String property) {
      String value = required(property).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new InvalidSettingException(property, "\"" + value + "\" is not true or false");
      };
    }

    <E extends Enum<E>> E choice(String property, Class<E> type) {
      String value = required(property);
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(
            property,
            "\""
                + value
                + "\" is not one of "
                + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .toList());
      }
    }

    int port(String property) {
      String value = required(property);
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new InvalidSettingException(
          property, "\"" + value + "\" is not a port number (0 to 65535; 0 picks a free port)");
    }

    Duration duration(String property) {
      String value = required(property);
      Duration duration = parseDuration(value);
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new InvalidSettingException(
            property,
            "\""
                + value
                + "\" is not a positive duration: use a number with ms, s, m or h (such as 10s),"
                + " or ISO-8601 (such as PT10S)");
      }
      return duration;
    }

    Path readableFile(String property) {
      Optional<String> value = optional(property);
      if (value.isEmpty()) {
        return null;
      }
      Path path;
      try {
        path = Path.of(value.get());
      } catch (InvalidPathException e) {
        throw new InvalidSettingException(property, "\"" + value.get() + "\" is not a file path");
      }
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new InvalidSettingException(
            property, "cannot read the file \"" + path.toAbsolutePath() + "\"");
      }
      return path;
    }

    private static Duration parseDuration(String value) {
      Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
