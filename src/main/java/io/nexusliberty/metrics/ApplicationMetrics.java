package io.nexusliberty.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's metrics: one Prometheus registry holding the Temporal SDK's metrics (workflow
 * and Nexus task latencies, polls, failures), reported through the SDK's Micrometer bridge, the
 * JVM's (memory, garbage collection, threads, classes, CPU, uptime), and whatever else the
 * application records.
 */
@ApplicationScoped
public class ApplicationMetrics {

  private static final Logger LOG = Logger.getLogger(ApplicationMetrics.class.getName());

  // Made in @PostConstruct, not in field initializers: CDI's client proxy of this bean is a
  // subclass whose construction would run them too, starting a reporting thread nobody closes.
  private PrometheusMeterRegistry registry;
  private Scope scope;
  private JvmGcMetrics garbageCollection;

  @PostConstruct
  public void open() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    new JvmMemoryMetrics().bindTo(registry);
    garbageCollection = new JvmGcMetrics();
    garbageCollection.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Where the application records its own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The scope the Temporal SDK reports to. */
  public Scope scope() {
    return scope;
  }

  /** Every meter, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  public void close() {
    // Stops the reporting thread of the scope, the JVM's GC notifications, then the registry.
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      LOG.log(Level.FINE, "Closing the metrics scope failed", e);
    }
    if (garbageCollection != null) {
      garbageCollection.close();
    }
    registry.close();
  }
}
