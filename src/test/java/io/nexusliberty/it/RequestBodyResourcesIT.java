package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What reading request bodies costs the server after they are answered, counted in the Liberty JVM
 * itself ({@code jcmd}): no thread started for a body, whether it came with its headers or after
 * them (as the JDK's {@code HttpURLConnection} sends it), and no body kept once answered (before,
 * each body's 4 s deadline kept it, each read started a thread of its own, and later each body that
 * came after its headers did).
 */
class RequestBodyResourcesIT {

  private static final int CALLS = 200;

  @Test
  void answeredBodiesAreReleasedAndStartNoThreads() {
    try (LibertyServer liberty =
        LibertyServer.create("request-bodies", Map.of("TEMPORAL_EMBEDDED_PORT", "0"))) {
      liberty.start();
      liberty.awaitReady(Duration.ofSeconds(120));
      RawHttp http = new RawHttp(liberty.base());
      // Warm: the first requests start the container's threads.
      for (int i = 0; i < 20; i++) {
        post(http, "{\"text\": \"warm\"}");
      }
      long threadsBefore = threadsStarted(liberty);

      for (int i = 0; i < CALLS; i++) {
        // A body without its field: read whole, answered 400, no workflow (no workflow threads).
        RawHttp.Answer answer = post(http, "{\"text\": \"" + i + "\"}");
        assertEquals(400, answer.status(), answer.toString());
      }
      long started = threadsStarted(liberty) - threadsBefore;
      long threadsBeforeLate = threadsStarted(liberty);
      for (int i = 0; i < CALLS; i++) {
        // The same body, sent after its headers, later than the request's thread waits for it.
        RawHttp.Answer answer = postLate(http, "{\"text\": \"" + i + "\"}");
        assertEquals(400, answer.status(), answer.toString());
      }
      long startedLate = threadsStarted(liberty) - threadsBeforeLate;
      long bodiesKept = instances(liberty, "io.nexusliberty.web.RequestBodyFilter$BodyRead");

      System.out.printf(
          "%d bodies read and answered: %d threads started; %d more, each after its headers: %d"
              + " threads started; %d body reads still held%n",
          CALLS, started, CALLS, startedLate, bodiesKept);
      assertTrue(started < CALLS / 10, started + " threads started for " + CALLS + " bodies");
      assertTrue(
          startedLate < CALLS / 10,
          startedLate + " threads started for " + CALLS + " bodies sent after their headers");
      assertTrue(
          bodiesKept < 2 * CALLS / 10, bodiesKept + " of " + 2 * CALLS + " answered bodies held");
    }
  }

  /** A POST whose body comes with its headers, as clients send small requests. */
  private static RawHttp.Answer post(RawHttp http, String body) {
    return http.send(
        "POST /api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length,
        body);
  }

  /** A POST whose body follows its headers a moment later (past the request thread's wait). */
  private static RawHttp.Answer postLate(RawHttp http, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return http.sendInParts(
        "POST /api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length,
        new byte[0],
        Duration.ofMillis(30),
        bytes,
        Duration.ofSeconds(10));
  }

  /** The JVM's count of threads started since it began. */
  private static long threadsStarted(LibertyServer liberty) {
    Matcher matcher =
        Pattern.compile("java\\.threads\\.started=(\\d+)")
            .matcher(liberty.jcmd("PerfCounter.print"));
    assertTrue(matcher.find(), "jcmd PerfCounter.print has java.threads.started");
    return Long.parseLong(matcher.group(1));
  }

  /** Live instances of a class, after the full collection that a class histogram makes. */
  private static long instances(LibertyServer liberty, String className) {
    for (String line : liberty.jcmd("GC.class_histogram").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4 && columns[3].equals(className)) {
        return Long.parseLong(columns[1]);
      }
    }
    return 0;
  }
}
