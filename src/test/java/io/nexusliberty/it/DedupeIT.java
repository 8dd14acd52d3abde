package io.nexusliberty.it;

import static io.nexusliberty.it.TemporalDevServer.HANDLER_NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two concurrent {@code say-hello} calls with the same name and language share one handler
 * workflow: its business ID dedupes the start, and the conflict policy USE_EXISTING attaches the
 * second operation to the running workflow instead of failing it.
 */
@ExtendWith({RequiresTemporalCli.class, ArquillianExtension.class})
class DedupeIT {

  private static final String ENDPOINT = "it-dedupe";
  private static SlowHandlerWorker handler;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    handler = new SlowHandlerWorker(TemporalDevServer.shared(), ENDPOINT, "it-dedupe-queue");
    return TestWar.named("dedupe")
        .with("temporal.address", TemporalDevServer.shared().address())
        .with("temporal.workers", "caller")
        .with("temporal.nexus.endpoint", ENDPOINT)
        .with("temporal.provision", "false")
        .build();
  }

  @AfterAll
  static void stopHandler() {
    if (handler != null) {
      handler.close();
    }
  }

  @ArquillianResource URL base;

  @Test
  void concurrentCallsForOneGreetingRunOneHandlerWorkflow() {
    ApiClient api = new ApiClient(base);
    String name = "Dedupe " + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\": \"" + name + "\", \"language\": \"en\"}";

    CompletableFuture<ApiClient.Answer> first =
        CompletableFuture.supplyAsync(() -> api.postJson("api/hello", body));
    CompletableFuture<ApiClient.Answer> second =
        CompletableFuture.supplyAsync(() -> api.postJson("api/hello", body));

    for (ApiClient.Answer answer : List.of(first.join(), second.join())) {
      assertEquals(200, answer.status(), "each call answers: " + answer);
      assertEquals("Hello " + name + " 👋", answer.json().getString("result"));
    }
    String handlerId = "hello-en-" + name.toLowerCase().replace(' ', '-');
    RealServerChecks server = new RealServerChecks(TemporalDevServer.shared());
    List<WorkflowExecutionInfo> runs =
        RealServerChecks.await(
            () -> server.runs(HANDLER_NAMESPACE, handlerId),
            found -> found.size() > 1,
            Duration.ofSeconds(3));
    assertEquals(1, runs.size(), "runs of " + handlerId + ": " + runs);
  }
}
