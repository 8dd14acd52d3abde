package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Rounds of concurrent hello calls whose names differ only in case, spaces and dashes, so that all
 * of a round's calls map to one handler workflow ID, some of them with identical names. Every call
 * must answer with the greeting of its own name, while /health/ready is sampled throughout.
 */
final class CollidingNamesRace {

  private static final Logger LOG = Logger.getLogger(CollidingNamesRace.class.getName());
  static final int CALLERS_PER_ROUND = 12;
  static final int ROUNDS = 20;

  /** What a race saw. */
  record Outcome(
      int calls,
      List<String> wrongAnswers,
      Duration longestCall,
      List<Long> longestCallMillisByRound,
      Map<Integer, Integer> readinessByStatus) {}

  private CollidingNamesRace() {}

  /** Twelve spellings of one name: case, spacing, dashes, and some of them identical. */
  static List<String> spellings(String token) {
    String first = "Mary Ann " + token;
    return List.of(
        first,
        "mary-ann " + token,
        " MARY ANN " + token + " ",
        "Mary-Ann " + token.toUpperCase(),
        first,
        "mary ann " + token,
        "\u00a0Mary Ann " + token,
        "MARY-ANN " + token,
        "mary-ann " + token,
        "Mary Ann " + token.toUpperCase() + "  ",
        first,
        "mAry aNN " + token);
  }

  static Outcome run(URL base, String language, String greeting) throws Exception {
    ApiClient api = new ApiClient(base);
    HealthChecks health = new HealthChecks(base);
    Map<Integer, Integer> readiness = new TreeMap<>();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleWithFixedDelay(
        () -> {
          int status = health.ready().status();
          synchronized (readiness) {
            readiness.merge(status, 1, Integer::sum);
          }
        },
        0,
        250,
        TimeUnit.MILLISECONDS);
    // One call first, untimed: the first calls after a deployment load and compile the request
    // path, which on two cores takes seconds and is not what the race measures.
    api.postJson("api/hello", jsonObject(Map.of("name", "Warm-up", "language", language)));
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS_PER_ROUND);
    List<String> wrong = new ArrayList<>();
    long longest = 0;
    List<Long> longestByRound = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String token = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = spellings(token);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (String name : names) {
          answers.add(
              callers.submit(
                  () -> {
                    go.await();
                    long start = System.nanoTime();
                    ApiClient.Answer answer =
                        api.postJson(
                            "api/hello", jsonObject(Map.of("name", name, "language", language)));
                    long took = System.nanoTime() - start;
                    calls.incrementAndGet();
                    String expected = greeting + " " + name + " 👋";
                    String verdict =
                        answer.status() == 200 && expected.equals(answer.json().getString("result"))
                            ? ""
                            : "sent " + quoted(name) + ", got " + answer;
                    return took + "|" + verdict;
                  }));
        }
        go.countDown();
        long roundLongest = 0;
        for (Future<String> answer : answers) {
          String[] result = answer.get(120, TimeUnit.SECONDS).split("\\|", 2);
          roundLongest = Math.max(roundLongest, Long.parseLong(result[0]));
          if (!result[1].isEmpty()) {
            wrong.add(result[1]);
          }
        }
        longest = Math.max(longest, roundLongest);
        longestByRound.add(TimeUnit.NANOSECONDS.toMillis(roundLongest));
      }
    } finally {
      callers.shutdownNow();
      sampler.shutdownNow();
      sampler.awaitTermination(30, TimeUnit.SECONDS);
    }
    Outcome outcome =
        new Outcome(calls.get(), wrong, Duration.ofNanos(longest), longestByRound, readiness);
    LOG.info(
        () ->
            "Colliding names race on "
                + base
                + ": "
                + outcome.calls()
                + " calls, "
                + outcome.wrongAnswers().size()
                + " wrong, longest call "
                + outcome.longestCall().toMillis()
                + " ms (per round: "
                + outcome.longestCallMillisByRound()
                + " ms), /health/ready answers by status "
                + outcome.readinessByStatus());
    return outcome;
  }

  /** The assertions every race must pass, wherever it runs. */
  static void assertAllRight(Outcome outcome) {
    assertEquals(ROUNDS * CALLERS_PER_ROUND, outcome.calls(), "every call of every round answered");
    assertEquals(
        List.of(),
        outcome.wrongAnswers(),
        "calls answered with another name's greeting, or failed");
    assertEquals(
        Map.of(200, outcome.readinessByStatus().getOrDefault(200, 0)),
        outcome.readinessByStatus(),
        "/health/ready stays ready while every call succeeds");
    assertTrue(outcome.readinessByStatus().getOrDefault(200, 0) > 0, "readiness was sampled");
  }

  private static String jsonObject(Map<String, String> fields) {
    jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
    fields.forEach(json::add);
    return json.build().toString();
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\u00a0", "\\u00a0") + "\"";
  }
}
