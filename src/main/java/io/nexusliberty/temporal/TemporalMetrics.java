package io.nexusliberty.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's metrics: one Prometheus registry holding the Temporal SDK's metrics (workflow
 * and Nexus task latencies, polls, failures), reported through the SDK's Micrometer bridge, and
 * whatever else the application records.
 */
@ApplicationScoped
public class TemporalMetrics {

  private static final Logger LOG = Logger.getLogger(TemporalMetrics.class.getName());

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Scope scope =
      new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(registry))
          .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));

  /** Where the application records its own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The scope the Temporal SDK reports to. */
  Scope scope() {
    return scope;
  }

  /** Every meter, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  void close() {
    // Stops the reporting thread of the scope, then the registry.
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      LOG.log(Level.FINE, "Closing the metrics scope failed", e);
    }
    registry.close();
  }
}
