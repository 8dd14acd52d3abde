package io.nexusliberty.temporal.connection;

import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Temporal's tracing interceptors, on when OpenTelemetry is (MicroProfile Telemetry, configured
 * with the standard {@code OTEL_*} settings): spans for starting and running workflows and for
 * calling and handling Nexus operations, their context carried in Temporal's and Nexus's headers,
 * under the span of the HTTP request that started the call.
 */
public final class TemporalTracing {

  /** MicroProfile Telemetry's switch: OpenTelemetry is off unless it is {@code false}. */
  public static final String OTEL_SDK_DISABLED = "otel.sdk.disabled";

  public static final TemporalTracing OFF = new TemporalTracing(List.of(), List.of(), "off");

  private static final Logger LOG = Logger.getLogger(TemporalTracing.class.getName());
  private static final String OPENTELEMETRY_API = "io.opentelemetry.api.OpenTelemetry";
  private static final String ON_OPENTELEMETRY =
      "io.nexusliberty.temporal.connection.OpenTelemetryTracing";

  private final List<WorkflowClientInterceptor> clientInterceptors;
  private final List<WorkerInterceptor> workerInterceptors;
  private final String description;

  public TemporalTracing(
      List<WorkflowClientInterceptor> clientInterceptors,
      List<WorkerInterceptor> workerInterceptors,
      String description) {
    this.clientInterceptors = List.copyOf(clientInterceptors);
    this.workerInterceptors = List.copyOf(workerInterceptors);
    this.description = description;
  }

  /**
   * Tracing as this deployment is configured: off unless {@code otel.sdk.disabled=false}; on then
   * when the server gives the application OpenTelemetry's API, else off with a warning naming what
   * to add.
   *
   * @param config a MicroProfile Config property's value
   * @param application the application's class loader
   */
  public static TemporalTracing configure(
      Function<String, Optional<String>> config, ClassLoader application) {
    boolean enabled =
        config
            .apply(OTEL_SDK_DISABLED)
            .map(value -> value.strip().toLowerCase(Locale.ROOT).equals("false"))
            .orElse(false);
    if (!enabled) {
      return OFF;
    }
    try {
      Class.forName(OPENTELEMETRY_API, false, application);
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.warning(
          OTEL_SDK_DISABLED
              + "=false, but the application cannot see OpenTelemetry's API, so Temporal calls are"
              + " not traced: add <feature>mpTelemetry-2.1</feature> to server.xml");
      return OFF;
    }
    try {
      @SuppressWarnings("unchecked")
      Supplier<TemporalTracing> onOpenTelemetry =
          (Supplier<TemporalTracing>)
              Class.forName(ON_OPENTELEMETRY, true, TemporalTracing.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
      return onOpenTelemetry.get();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.warning(
          "Temporal calls are not traced: OpenTelemetry is on but its tracer is unavailable ("
              + e
              + "); is the mpTelemetry-2.1 feature enabled?");
      return OFF;
    }
  }

  /** Interceptors of every workflow client: spans for starting workflows and signalling. */
  public List<WorkflowClientInterceptor> clientInterceptors() {
    return clientInterceptors;
  }

  /** Interceptors of every worker: spans for running workflows and handling Nexus operations. */
  public List<WorkerInterceptor> workerInterceptors() {
    return workerInterceptors;
  }

  /** "off", or what traces the calls. */
  public String describe() {
    return description;
  }
}
