package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancels that race their workflow's completion, on a real Temporal server (which refuses to cancel
 * a closed workflow): four cancels sent at once the moment each echo was accepted, so that some
 * find the workflow running and reach Temporal after it completed (cancelled by the first one, or
 * done). Each is answered 202 (requested in time) or 409 (already finished), never 503 as if
 * Temporal were away.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class CancelRaceIT {

  private static final int CALLS = 100;

  /** Cancels sent at once for each workflow: the first one's effect races the others. */
  private static final int CANCELS_EACH = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("cancel-race")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.nexus.endpoint", "it-cancel-race")
        .with("temporal.provision", "true")
        .build();
  }

  @ArquillianResource URL base;

  @Test
  void aCancelRacingCompletionAnswers202Or409() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Answer first = api.postJson("api/echo", "{\"message\": \"warm\"}");
    assertEquals(200, first.status(), "the deployment answers: " + first);
    ExecutorService callers = Executors.newFixedThreadPool(CANCELS_EACH * 2);
    List<Future<ApiClient.Answer>> cancels = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      ApiClient.Answer accepted =
          api.postJson("api/echo?wait=false", "{\"message\": \"race " + i + "\"}");
      assertEquals(202, accepted.status(), accepted.toString());
      String cancel = "api/workflows/" + accepted.json().getString("workflowId") + "/cancel";
      for (int j = 0; j < CANCELS_EACH; j++) {
        cancels.add(callers.submit(() -> api.postJson(cancel, "")));
      }
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Future<ApiClient.Answer> cancel : cancels) {
      ApiClient.Answer answer = cancel.get(120, TimeUnit.SECONDS);
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() != 202 && answer.status() != 409) {
        wrong.add(answer.toString());
      }
    }
    callers.shutdownNow();
    System.out.println("Cancels racing completion, answers by status: " + statuses);
    assertEquals(List.of(), wrong.stream().limit(5).toList(), wrong.size() + " cancels answered");
    assertTrue(statuses.getOrDefault(409, 0) > 0, "some workflows finished first: " + statuses);
  }
}
