package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls accepted before Liberty goes away complete after it comes back, with the default settings,
 * on a real Temporal server: 100 hello calls accepted with {@code ?wait=false}, then the server
 * killed (SIGKILL), terminated (SIGTERM, as Kubernetes and systemd stop a process) or stopped
 * ({@code bin/server stop}, what {@code mvn liberty:stop} runs), and started again at once. Every
 * call must end with its own greeting. Runs against the dev server, and in the {@code cluster} run
 * against the cluster of separate services ({@link RealTemporals}).
 */
@ExtendWith(RequiresRealTemporal.class)
class RestartIT {

  private static final Logger LOG = Logger.getLogger(RestartIT.class.getName());
  private static final int CALLS = 100;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration COMPLETION_TIMEOUT = Duration.ofMinutes(3);
  private static final String[][] LANGUAGES = {
    {"en", "Hello"}, {"fr", "Bonjour"}, {"de", "Hallo"}, {"es", "¡Hola!"}, {"tr", "Merhaba"}
  };

  private static RealTemporal temporal;
  private static LibertyServer liberty;

  /** A call the application accepted, and the greeting it must end with. */
  private record Accepted(String workflowId, String expected) {}

  @BeforeAll
  static void startServers() {
    temporal =
        RealTemporals.forSuite(
            List.of(TemporalDevServer.CALLER_NAMESPACE, TemporalDevServer.HANDLER_NAMESPACE));
    // Only what any real-server deployment must set; everything else keeps its default.
    liberty =
        LibertyServer.create(
            "restart-it",
            Map.of("TEMPORAL_ADDRESS", temporal.address(), "TEMPORAL_PROVISION", "true"));
    liberty.start();
    awaitReady();
  }

  @AfterAll
  static void stopServers() {
    if (liberty != null) {
      liberty.close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void callsAcceptedBeforeSigkillCompleteAfterRestart() throws Exception {
    survives(LibertyServer.Stop.SIGKILL);
  }

  @Test
  void callsAcceptedBeforeSigtermCompleteAfterRestart() throws Exception {
    List<String> log = survives(LibertyServer.Stop.SIGTERM);

    assertDrained(log);
  }

  @Test
  void callsAcceptedBeforeServerStopCompleteAfterRestart() throws Exception {
    List<String> log = survives(LibertyServer.Stop.SERVER_STOP);

    assertDrained(log);
  }

  /** Accepts calls, stops Liberty this way, starts it again; returns the stopped server's log. */
  private List<String> survives(LibertyServer.Stop how) throws Exception {
    List<Accepted> accepted = accept(how.name().toLowerCase().replace('_', '-'));
    Instant stopped = Instant.now();
    Duration stopTook = liberty.stop(how);
    List<String> log = liberty.messages();
    long restartBegan = System.nanoTime();
    liberty.start();
    awaitReady();
    Duration restartTook = Duration.ofNanos(System.nanoTime() - restartBegan);

    List<String> wrong = new ArrayList<>();
    int inFlightAtStop = 0;
    ApiClient api = new ApiClient(liberty.base());
    long deadline = System.nanoTime() + COMPLETION_TIMEOUT.toNanos();
    for (Accepted call : accepted) {
      JsonObject status =
          RealServerChecks.await(
              () -> api.get("api/workflows/" + call.workflowId()).json(),
              json -> !"running".equals(json.getString("status", "")),
              Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (status.containsKey("closeTime")
          && Instant.parse(status.getString("closeTime")).isAfter(stopped)) {
        inFlightAtStop++;
      }
      if (!"completed".equals(status.getString("status", ""))
          || !call.expected().equals(status.getString("result", ""))) {
        wrong.add(call.workflowId() + " expected " + call.expected() + ", got " + status);
      }
    }
    int finalInFlight = inFlightAtStop;
    LOG.info(
        () ->
            how
                + ": "
                + accepted.size()
                + " calls accepted, "
                + finalInFlight
                + " of them still running when the stop began; Liberty stopped in "
                + stopTook.toMillis()
                + " ms and was ready again "
                + restartTook.toMillis()
                + " ms after; "
                + (accepted.size() - wrong.size())
                + " completed right, "
                + wrong.size()
                + " did not");

    assertEquals(List.of(), wrong, "calls accepted before " + how + " that did not complete right");
    assertTrue(
        inFlightAtStop > 0,
        "some calls were still running when the server stopped, or the test proves nothing");
    return log;
  }

  /** Accepts {@value #CALLS} hello calls, ten at a time, as fast as the application takes them. */
  private static List<Accepted> accept(String label) throws Exception {
    ApiClient api = new ApiClient(liberty.base());
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      List<Future<Accepted>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        String[] language = LANGUAGES[i % LANGUAGES.length];
        String name = "Restart " + label + " " + i;
        String body =
            Json.createObjectBuilder()
                .add("name", name)
                .add("language", language[0])
                .build()
                .toString();
        calls.add(
            clients.submit(
                () -> {
                  ApiClient.Answer answer = api.postJson("api/hello?wait=false", body);
                  assertEquals(202, answer.status(), "accepted: " + answer);
                  return new Accepted(
                      answer.json().getString("workflowId"), language[1] + " " + name + " 👋");
                }));
      }
      List<Accepted> accepted = new ArrayList<>();
      for (Future<Accepted> call : calls) {
        accepted.add(call.get(60, TimeUnit.SECONDS));
      }
      return accepted;
    } finally {
      clients.shutdownNow();
    }
  }

  private static void awaitReady() {
    liberty.awaitReady(READY_TIMEOUT);
  }

  private static void assertDrained(List<String> log) {
    assertTrue(
        log.stream().anyMatch(line -> line.contains("Stopping Temporal workers, waiting up to")),
        "the stopped server's log says it began draining its workers");
    assertTrue(
        log.stream().anyMatch(line -> line.contains("Temporal workers stopped after")),
        "the stopped server's log says its workers drained");
  }
}
