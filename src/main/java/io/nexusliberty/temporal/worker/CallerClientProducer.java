package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.CallerNamespace;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.temporal.client.WorkflowClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Produces the client of the caller namespace, through which the API starts caller workflows. */
@ApplicationScoped
class CallerClientProducer {

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;

  @Produces
  @CallerNamespace
  WorkflowClient callerClient() {
    return lifecycle.connection().client(settings.callerNamespace());
  }
}
