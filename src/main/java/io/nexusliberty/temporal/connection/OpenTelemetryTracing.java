package io.nexusliberty.temporal.connection;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentracing.Tracer;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Temporal's OpenTracing interceptors on the OpenTelemetry that MicroProfile Telemetry gives the
 * application, through OpenTelemetry's OpenTracing shim. Loaded only where OpenTelemetry's API is
 * visible ({@link TemporalTracing#configure}).
 */
final class OpenTelemetryTracing implements Supplier<TemporalTracing> {

  @Override
  public TemporalTracing get() {
    OpenTelemetry openTelemetry = CDI.current().select(OpenTelemetry.class).get();
    Tracer tracer = OpenTracingShim.createTracerShim(openTelemetry);
    OpenTracingOptions options = OpenTracingOptions.newBuilder().setTracer(tracer).build();
    return new TemporalTracing(
        List.of(new OpenTracingClientInterceptor(options)),
        List.of(new OpenTracingWorkerInterceptor(options)),
        "OpenTelemetry (MicroProfile Telemetry)");
  }
}
