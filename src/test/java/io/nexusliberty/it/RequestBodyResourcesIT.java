package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What reading request bodies costs the server after they are answered, counted in the Liberty JVM
 * itself ({@code jcmd}): no thread started per body, and no body kept once answered (before, each
 * body's 4 s deadline kept it, and each read started a thread of its own).
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
      long threadsBefore = threadsStarted(liberty.pid());

      for (int i = 0; i < CALLS; i++) {
        // A body without its field: read whole, answered 400, no workflow (no workflow threads).
        RawHttp.Answer answer = post(http, "{\"text\": \"" + i + "\"}");
        assertEquals(400, answer.status(), answer.toString());
      }
      long started = threadsStarted(liberty.pid()) - threadsBefore;
      long bodiesKept = instances(liberty.pid(), "io.nexusliberty.rest.RequestBodyFilter$BodyRead");

      System.out.printf(
          "%d bodies read and answered: %d threads started, %d body reads still held%n",
          CALLS, started, bodiesKept);
      assertTrue(started < CALLS / 10, started + " threads started for " + CALLS + " bodies");
      assertTrue(bodiesKept < CALLS / 10, bodiesKept + " of " + CALLS + " answered bodies held");
    }
  }

  /** A POST whose body comes with its headers, as clients send small requests. */
  private static RawHttp.Answer post(RawHttp http, String body) {
    return http.send(
        "POST /api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length,
        body);
  }

  /** The JVM's count of threads started since it began. */
  private static long threadsStarted(long pid) {
    Matcher matcher =
        Pattern.compile("java\\.threads\\.started=(\\d+)").matcher(jcmd(pid, "PerfCounter.print"));
    assertTrue(matcher.find(), "jcmd PerfCounter.print has java.threads.started");
    return Long.parseLong(matcher.group(1));
  }

  /** Live instances of a class, after the full collection that a class histogram makes. */
  private static long instances(long pid, String className) {
    for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4 && columns[3].equals(className)) {
        return Long.parseLong(columns[1]);
      }
    }
    return 0;
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
