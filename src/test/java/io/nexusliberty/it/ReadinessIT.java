package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.CALLER_NAMESPACE;
import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows the Temporal server: ready on a good start, not ready while the server is down,
 * ready again once it is back (the same real server restarted on its port and database) and the
 * workers poll it again, without restarting the application; once ready, calls succeed.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class ReadinessIT {

  private static final List<String> NAMESPACES = List.of(CALLER_NAMESPACE, HANDLER_NAMESPACE);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static int port;
  private static Path database;
  private static TemporalDevServer temporal;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    port = TestWar.freePort();
    // A file the server creates itself: it would take an existing empty file for a database.
    database =
        Files.createTempDirectory(Path.of("target"), "readiness-")
            .resolve("temporal.sqlite")
            .toAbsolutePath();
    temporal = TemporalDevServer.start(NAMESPACES, port, database);
    return TestWar.named("readiness")
        .with("temporal.address", temporal.address())
        .with("temporal.nexus.endpoint", "it-readiness")
        .with("temporal.provision", "true")
        // Short enough that a call made while the workers are still away answers 504.
        .with("api.wait-timeout", "5s")
        .build();
  }

  @AfterAll
  static void stopServer() {
    if (temporal != null) {
      temporal.close();
    }
  }

  @ArquillianResource URL base;

  @Test
  void notReadyWhileTemporalIsDownReadyOnceItIsBack() {
    HealthChecks health = new HealthChecks(base);
    assertEquals(200, health.awaitReady(200, WAIT).status(), "ready on a good start");

    temporal.close();
    ApiClient.Answer down = health.awaitReady(503, WAIT);
    assertEquals(503, down.status(), "not ready while Temporal is down: " + down);
    assertTrue(
        HealthChecks.temporalCheck(down)
            .getJsonObject("data")
            .getString("frontend")
            .contains("127.0.0.1:" + port),
        "the check names the address: " + down);

    // A long enough outage that the SDK's pollers back off for seconds after the server is back.
    TemporalDevServer.sleep(OUTAGE);
    temporal = TemporalDevServer.start(NAMESPACES, port, database);
    ApiClient.Answer back = health.awaitReady(200, Duration.ofSeconds(120));
    assertEquals(200, back.status(), "ready once Temporal is back: " + back);

    // Ready means a call succeeds now, not once the workers have come back.
    ApiClient api = new ApiClient(base);
    for (int call = 1; call <= 5; call++) {
      ApiClient.Answer echo = api.postJson("api/echo", "{\"message\": \"back " + call + "\"}");
      assertEquals(200, echo.status(), "echo call " + call + " once ready again: " + echo);
    }
    ApiClient.Answer hello =
        api.postJson("api/hello", "{\"name\": \"Again\", \"language\": \"es\"}");
    assertEquals(200, hello.status(), "serving again: " + hello);
    assertEquals("¡Hola! Again 👋", hello.json().getString("result"));
  }
}
