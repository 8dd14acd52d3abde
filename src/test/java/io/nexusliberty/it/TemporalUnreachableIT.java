package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.temporal.embedded.EmbeddedTemporalServer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application deploys while no Temporal server answers, answers 503 meanwhile, and serves
 * requests once a server comes up at its address, without a restart.
 */
@ExtendWith(ArquillianExtension.class)
class TemporalUnreachableIT {

  private static final int TEMPORAL_PORT = TestWar.freePort();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("temporal-unreachable")
        .with("temporal.address", "127.0.0.1:" + TEMPORAL_PORT)
        // The server that comes up later starts empty: let the application create the endpoint.
        .with("temporal.provision", "true")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void answers503UntilTemporalIsUpThenServes() throws Exception {
    ApiClient api = new ApiClient(base);

    ApiClient.Answer unavailable = api.postJson("api/echo", "{\"message\": \"anyone there?\"}");
    assertEquals(503, unavailable.status(), "while Temporal is down: " + unavailable);
    assertTrue(unavailable.isProblem(), "problem+json expected: " + unavailable);
    assertTrue(
        unavailable.json().getString("detail").contains("127.0.0.1:" + TEMPORAL_PORT),
        "the detail names the address: " + unavailable);
    assertFalse(
        api.get("api/connection").json().getBoolean("workersStarted"),
        "workers cannot have started without a server");
    HealthChecks health = new HealthChecks(base);
    ApiClient.Answer notReady = health.ready();
    assertEquals(503, notReady.status(), "/health/ready while Temporal is down: " + notReady);
    JsonObject down = HealthChecks.temporalCheck(notReady);
    assertEquals("DOWN", down.getString("status"));
    assertTrue(
        down.getJsonObject("data").getString("frontend").contains("not reachable"),
        "the check says why: " + down);
    // The first attempt to start the workers fails at once: the port is closed.
    ApiClient.Answer notStarted =
        RealServerChecks.await(
            () -> health.get("health/started"),
            answer -> answer.body().contains("not reachable"),
            Duration.ofSeconds(20));
    assertEquals(
        503, notStarted.status(), "/health/started before the workers start: " + notStarted);
    String pending =
        HealthChecks.temporalCheck(notStarted).getJsonObject("data").getString("workers");
    assertTrue(
        pending.contains("127.0.0.1:" + TEMPORAL_PORT) && pending.contains("not reachable"),
        "the start-up says what it waits for: " + pending);
    ApiClient.Answer live = health.get("health/live");
    assertEquals(200, live.status(), "live while Temporal is down: restarting would not help");

    // Temporal's Java test server, on loopback, at the address the application was given.
    try (EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(TEMPORAL_PORT, 2000)) {
      ApiClient.Answer answer = awaitSuccess(api, Duration.ofSeconds(90));

      assertEquals(200, answer.status(), "once Temporal is up: " + answer);
      assertEquals("back online", answer.json().getString("result"));
      assertTrue(api.get("api/connection").json().getBoolean("workersStarted"), "workers started");
      ApiClient.Answer ready = health.awaitReady(200, Duration.ofSeconds(30));
      assertEquals(200, ready.status(), "/health/ready once Temporal is up: " + ready);
      assertEquals(200, health.get("health/started").status(), "started once the workers are");
    }
  }

  private static ApiClient.Answer awaitSuccess(ApiClient api, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient.Answer answer;
    do {
      answer = api.postJson("api/echo", "{\"message\": \"back online\"}");
      if (answer.status() == 200) {
        return answer;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    return answer;
  }
}
