package io.nexusliberty.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Hello calls spread over several instances of the application as a client behind a load balancer
 * makes them: each call carries an {@code Idempotency-Key}, goes to the next instance in turn, and
 * when its instance goes away (connection refused or cut, 503 while it stops) is sent again with
 * the same key to the next one, which answers with the same workflow's result.
 */
final class ScaleOutLoad {

  /** How a call ended. */
  record Outcome(String key, String expected, String result, int attempts, long nanos) {
    boolean right() {
      return expected.equals(result);
    }
  }

  private static final String[][] LANGUAGES = {
    {"en", "Hello"}, {"fr", "Bonjour"}, {"de", "Hallo"}, {"es", "¡Hola!"}, {"tr", "Merhaba"}
  };

  /** How long a call keeps trying the instances before it counts as lost. */
  private static final long GIVE_UP_NANOS = 180_000_000_000L;

  private final List<URI> instances;
  private final String run;

  /**
   * @param instances the root URLs of the instances, in turn
   * @param run what sets this load's keys and names apart from any other's
   */
  ScaleOutLoad(List<URI> instances, String run) {
    this.instances = List.copyOf(instances);
    this.run = run;
  }

  /** The caller workflow ID the API gives the call with this key. */
  static String workflowId(String key) {
    return "hello-caller-key-" + key;
  }

  /**
   * Makes {@code calls} calls, {@code concurrency} at a time; {@code sent} hears of each call as
   * its first attempt goes out (to stop an instance in the middle of the load).
   */
  List<Outcome> run(int calls, int concurrency, IntConsumer sent) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < concurrency; worker++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    sent.accept(i);
                    outcomes.add(call(i));
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  private Outcome call(int index) {
    String key = run + "-" + index;
    String[] language = LANGUAGES[index % LANGUAGES.length];
    String name = "s" + key;
    String expected = language[1] + " " + name + " 👋";
    JsonObject body =
        Json.createObjectBuilder().add("name", name).add("language", language[0]).build();
    long start = System.nanoTime();
    int attempts = 0;
    String result = null;
    while (result == null && System.nanoTime() - start < GIVE_UP_NANOS) {
      URI instance = instances.get((index + attempts) % instances.size());
      attempts++;
      try {
        result = post(instance, key, body);
      } catch (IOException | Unavailable e) {
        // The instance went away or is stopping: the same call, with the same key, to the next.
        pause(attempts);
      }
    }
    return new Outcome(
        key, expected, result == null ? "(lost)" : result, attempts, System.nanoTime() - start);
  }

  /** The call's result; an answer that is neither a result nor "ask again" is quoted. */
  private static String post(URI instance, String key, JsonObject body)
      throws IOException, Unavailable {
    KeptAliveCalls.Answer answer =
        KeptAliveCalls.post(instance.resolve("api/hello"), body, key, 120_000);
    if (answer.status() == 503 || answer.status() == 504) {
      // Stopping, or not yet connected to Temporal; a wait that timed out is asked again too.
      throw new Unavailable();
    }
    if (answer.status() != 200) {
      return "HTTP " + answer.status() + " " + answer.body();
    }
    try (var reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject().getString("result");
    }
  }

  private static void pause(int attempts) {
    try {
      Thread.sleep(Math.min(2_000, 100L * attempts));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer that says: ask again, here or elsewhere. */
  private static final class Unavailable extends Exception {
    Unavailable() {
      super(null, null, false, false);
    }
  }
}
