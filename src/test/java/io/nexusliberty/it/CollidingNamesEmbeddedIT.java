package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent calls for names that share a handler workflow ID, on the default set-up (the embedded
 * server): each gets its own greeting, none waits long, and the server never wedges.
 */
@ExtendWith(ArquillianExtension.class)
class CollidingNamesEmbeddedIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("colliding-embedded").build();
  }

  @ArquillianResource URL base;

  @Test
  void everyCallerGetsItsOwnGreetingQuickly() throws Exception {
    new HealthChecks(base).awaitReady(200, Duration.ofSeconds(60));

    CollidingNamesRace.Outcome outcome = CollidingNamesRace.run(base, "de", "Hallo");

    CollidingNamesRace.assertAllRight(outcome);
    assertTrue(
        outcome.longestCall().compareTo(Duration.ofSeconds(5)) <= 0,
        "no call over 5 s on the embedded server; the longest took "
            + outcome.longestCall()
            + ", longest per round (ms): "
            + outcome.longestCallMillisByRound());
  }
}
