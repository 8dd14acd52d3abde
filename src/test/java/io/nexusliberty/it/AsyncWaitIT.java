package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waiting API calls hold no thread: with the caller's workers but no handler's, every call waits
 * its full {@code api.wait-timeout} for a Nexus operation nobody serves. 300 such calls at once
 * leave the server's JVM with about as many live threads as before them (its own {@code
 * jvm_threads_live_threads}), then each gets its 504.
 */
@ExtendWith(ArquillianExtension.class)
class AsyncWaitIT {

  private static final int CALLS = 300;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("async-wait")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.provision", "true")
        .with("temporal.nexus.endpoint", "it-async-wait")
        .with("temporal.caller.task-queue", "it-async-wait-nobody-polls")
        .with("temporal.workers", "none")
        .with("api.wait-timeout", "15s")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void waitingCallsHoldNoThreads() throws Exception {
    ApiClient api = new ApiClient(base);
    RealServerChecks.await(
        () -> api.get("api/connection"), answer -> answer.status() == 200, Duration.ofSeconds(60));
    long before = liveThreads(api);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI echo = base.toURI().resolve("api/echo");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      calls.add(
          http.sendAsync(
              HttpRequest.newBuilder(echo)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"wait " + i + "\"}"))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(8_000);
    long during = liveThreads(api);
    System.out.printf(
        "AsyncWaitIT: live threads of the server's JVM before %d, with %d calls waiting %d%n",
        before, CALLS, during);

    long waiting = calls.stream().filter(call -> !call.isDone()).count();
    assertEquals(CALLS, waiting, "every call is still waiting for its result");
    assertTrue(
        during - before < 20,
        "waiting calls hold no thread: " + before + " live threads before, " + during + " during");
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> answer = call.get();
      assertEquals(
          504, answer.statusCode(), "each call ends past api.wait-timeout: " + answer.body());
      assertTrue(answer.body().contains("\"Result not ready\""), answer.body());
    }
  }

  private static long liveThreads(ApiClient api) {
    return api.get("metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith("jvm_threads_live_threads"))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .mapToLong(value -> (long) Double.parseDouble(value))
        .findFirst()
        .orElseThrow();
  }
}
