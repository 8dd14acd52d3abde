package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator uses on day one: the health checks, the Prometheus metrics, the OpenAPI document
 * and the startup log line, on the embedded server.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestWar.named("operations").build();
  }

  @ArquillianResource URL base;

  private ApiClient api;
  private HealthChecks server;

  @BeforeEach
  void clients() {
    api = new ApiClient(base);
    // Health and OpenAPI are Liberty's own endpoints, at the server's root.
    server = new HealthChecks(base);
  }

  @Test
  void readyOnAGoodStartWithDataThatSaysWhy() {
    ApiClient.Answer ready = server.awaitReady(200, Duration.ofSeconds(30));

    assertEquals(200, ready.status(), "GET /health/ready: " + ready);
    JsonObject check = HealthChecks.temporalCheck(ready);
    assertEquals("UP", check.getString("status"));
    JsonObject data = check.getJsonObject("data");
    assertEquals("answers", data.getString("frontend"), "data: " + data);
    assertEquals("exists", data.getString("nexusEndpointState"), "data: " + data);
    assertTrue(data.getString("workers").startsWith("polling namespace"), "data: " + data);
    assertEquals("my-caller-namespace", data.getString("callerNamespace"));
    assertEquals("it-handler-task-queue", data.getString("handlerTaskQueue"));
    ApiClient.Answer live = server.get("health/live");
    assertEquals(200, live.status(), "GET /health/live: " + live);
    JsonObject liveData = HealthChecks.temporalCheck(live).getJsonObject("data");
    assertEquals("started", liveData.getString("workers"), "live data: " + liveData);
    assertEquals("PT5M", liveData.getString("stuckTaskTimeout"), "live data: " + liveData);
    assertTrue(liveData.containsKey("runningTasks"), "live data: " + liveData);
    ApiClient.Answer started = server.get("health/started");
    assertEquals(200, started.status(), "GET /health/started: " + started);
    JsonObject startedData = HealthChecks.temporalCheck(started).getJsonObject("data");
    assertEquals("started", startedData.getString("workers"), "started data: " + startedData);
  }

  @Test
  void metricsIncludeTheNexusTasksAndTheApiRequests() {
    assertEquals(
        200, api.postJson("api/hello", "{\"name\": \"Metrics\", \"language\": \"en\"}").status());

    // The SDK reports every second.
    ApiClient.Answer metrics =
        RealServerChecks.await(
            () -> api.get("metrics"),
            answer -> sayHelloLatency(answer).isPresent(),
            Duration.ofSeconds(30));

    assertEquals(200, metrics.status(), "GET /metrics");
    assertTrue(
        metrics.contentType().startsWith("text/plain"),
        "Prometheus text: " + metrics.contentType());
    assertTrue(
        sayHelloLatency(metrics).isPresent(),
        "Nexus task latency of say-hello in /metrics:\n"
            + metrics.body().lines().filter(line -> line.contains("nexus")).limit(20).toList());
    assertTrue(
        metrics
            .body()
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("http_server_requests_seconds_count")
                        && line.contains("uri=\"/api/hello\"")
                        && line.contains("status=\"200\"")),
        "API request count of POST /api/hello in /metrics, under the application's path and"
            + " without the context root");
    for (String jvmMetric :
        List.of(
            "jvm_memory_used_bytes{",
            "jvm_gc_max_data_size_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "process_uptime_seconds")) {
      assertTrue(
          metrics.body().lines().anyMatch(line -> line.startsWith(jvmMetric)),
          jvmMetric + " in /metrics");
    }
  }

  private static Optional<String> sayHelloLatency(ApiClient.Answer metrics) {
    return metrics
        .body()
        .lines()
        // Execution latency is recorded for every Nexus task; end-to-end latency only once the
        // server took the reply, which the embedded test server sometimes refuses in a race.
        .filter(line -> line.startsWith("temporal_nexus_task_execution_latency_seconds_count"))
        .filter(line -> line.contains("nexus_operation=\"say-hello\""))
        .findFirst();
  }

  @Test
  void openApiDescribesEveryEndpointAndErrorAnswer() throws Exception {
    ApiClient.Answer answer = server.get("openapi?format=JSON");
    assertEquals(200, answer.status(), "GET /openapi: " + answer.status());
    JsonObject paths = answer.json().getJsonObject("paths");
    // Liberty lists the paths with the context root, which is the deployment's name here.
    String prefix =
        paths.keySet().stream()
            .filter(path -> path.endsWith("/api/echo"))
            .map(path -> path.substring(0, path.length() - "echo".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no /api/echo in " + paths.keySet()));
    for (String call : List.of("echo", "hello")) {
      JsonObject post = paths.getJsonObject(prefix + call).getJsonObject("post");
      assertTrue(post.containsKey("requestBody"), call + " documents its body");
      String parameters = String.valueOf(post.get("parameters"));
      assertTrue(
          parameters.contains("wait") && parameters.contains("Idempotency-Key"),
          call + " documents its options: " + parameters);
      JsonObject responses = post.getJsonObject("responses");
      for (String status :
          List.of("200", "202", "400", "401", "403", "409", "421", "422", "503", "504")) {
        assertTrue(responses.containsKey(status), call + " documents " + status + ": " + responses);
      }
    }
    assertTrue(
        paths
            .getJsonObject(prefix + "workflows/{workflowId}")
            .getJsonObject("get")
            .getJsonObject("responses")
            .containsKey("404"),
        "the status endpoint documents 404");
    assertTrue(
        paths
            .getJsonObject(prefix + "workflows/{workflowId}/cancel")
            .getJsonObject("post")
            .getJsonObject("responses")
            .containsKey("409"),
        "the cancel endpoint documents 409");
    assertTrue(
        answer
            .json()
            .getJsonObject("components")
            .getJsonObject("responses")
            .getJsonObject("BadRequest")
            .toString()
            .contains("examples"),
        "error answers carry examples");
    assertEquals(
        List.of("en", "fr", "de", "es", "tr"),
        answer
            .json()
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("HelloRequest")
            .getJsonObject("properties")
            .getJsonObject("language")
            .getJsonArray("enum")
            .getValuesAs(JsonString::getString),
        "the languages the document offers are the ones the handler greets in");
    assertEquals(200, server.get("openapi/ui/").status(), "the OpenAPI UI");
    assertTrue(
        Files.readAllLines(Path.of(System.getProperty("it.server.dir"), "logs", "messages.log"))
            .stream()
            .noneMatch(line -> line.contains("CWWKO1650E")),
        "Liberty found the document valid (no CWWKO1650E in messages.log)");
  }

  @Test
  void oneStartupLineStatesWhatTheApplicationUses() throws Exception {
    String target = api.get("api/connection").json().getString("target");
    Path messages = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");

    List<String> lines =
        Files.readAllLines(messages).stream()
            .filter(line -> line.contains(" I Temporal: embedded server at " + target + " "))
            .toList();

    assertEquals(1, lines.size(), "one startup line for " + target + ": " + lines);
    for (String part :
        List.of(
            "roles: caller,handler",
            "caller namespace my-caller-namespace",
            "task queue my-caller-workflow-task-queue",
            "handler namespace my-target-namespace",
            "task queue it-handler-task-queue",
            "Nexus endpoint my-nexus-endpoint-name")) {
      assertTrue(lines.get(0).contains(part), "the line states " + part + ": " + lines.get(0));
    }
  }
}
