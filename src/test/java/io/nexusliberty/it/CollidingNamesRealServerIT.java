package io.nexusliberty.it;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent calls for names that share a handler workflow ID, on a real Temporal server across the
 * two namespaces: each gets its own greeting.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class CollidingNamesRealServerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("colliding-real")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.nexus.endpoint", "it-colliding-names")
        .with("temporal.provision", "true")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void everyCallerGetsItsOwnGreeting() throws Exception {
    new HealthChecks(base).awaitReady(200, Duration.ofSeconds(60));

    CollidingNamesRace.assertAllRight(CollidingNamesRace.run(base, "tr", "Merhaba"));
  }
}
