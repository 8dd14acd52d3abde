package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.it.OtlpReceiver.ReceivedSpan;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators see of a deployment on the real server, configured only by the environment of a
 * Liberty server of the test's own: with the standard {@code OTEL_*} variables, one trace per API
 * call across the two namespaces, exported to an OTLP receiver the test runs on loopback; with
 * Liberty's {@code WLP_LOGGING_CONSOLE_FORMAT=JSON}, console logs as JSON.
 */
@ExtendWith(RequiresTemporalCli.class)
class ObservabilityIT {

  private static final String SERVICE = "nexus-liberty-traced";

  /** The spans of one call, each the parent of the next. */
  private static final List<String> CHAIN =
      List.of(
          "StartWorkflow:HelloCallerWorkflow",
          "RunWorkflow:HelloCallerWorkflow",
          "StartNexusOperation:my-hello-service/say-hello",
          "RunStartNexusOperationHandler:my-hello-service/say-hello",
          "StartWorkflow:HelloHandlerWorkflow",
          "RunWorkflow:HelloHandlerWorkflow");

  private static OtlpReceiver receiver;
  private static LibertyServer liberty;

  @BeforeAll
  static void startTracedServer() {
    receiver = OtlpReceiver.start();
    liberty =
        LibertyServer.create(
            "observed",
            Map.ofEntries(
                Map.entry("TEMPORAL_ADDRESS", TemporalDevServer.shared().address()),
                Map.entry("TEMPORAL_PROVISION", "true"),
                Map.entry("TEMPORAL_NEXUS_ENDPOINT", "it-traced"),
                Map.entry("TEMPORAL_CALLER_TASK_QUEUE", "it-traced-caller"),
                Map.entry("TEMPORAL_HANDLER_TASK_QUEUE", "it-traced-handler"),
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_SERVICE_NAME", SERVICE),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_METRICS_EXPORTER", "none"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"),
                Map.entry("WLP_LOGGING_CONSOLE_FORMAT", "JSON"),
                Map.entry("WLP_LOGGING_CONSOLE_LOGLEVEL", "INFO"),
                Map.entry("WLP_LOGGING_CONSOLE_SOURCE", "message")));
    liberty.start();
    liberty.awaitReady(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stopTracedServer() {
    if (liberty != null) {
      liberty.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void anApiCallIsOneTraceFromTheHttpRequestToTheHandlerWorkflow() {
    ApiClient api = new ApiClient(liberty.base());
    assertEquals(
        "OpenTelemetry (MicroProfile Telemetry)",
        api.get("api/connection").json().getString("tracing"));

    ApiClient.Answer answer =
        api.postJson("api/hello", "{\"name\": \"Traced\", \"language\": \"fr\"}");
    assertEquals(200, answer.status(), "POST /api/hello: " + answer);
    assertEquals("Bonjour Traced 👋", answer.json().getString("result"));

    // The HTTP request's span ends with its answer, and may come in a later export than the rest.
    List<ReceivedSpan> spans =
        receiver.await(
            received ->
                CHAIN.stream().allMatch(name -> named(received, name).isPresent())
                    && received.stream()
                        .anyMatch(
                            span ->
                                span.kind().equals("SPAN_KIND_SERVER")
                                    && span.name().contains("/api/hello")),
            Duration.ofSeconds(60));
    ReceivedSpan http =
        spans.stream()
            .filter(span -> span.kind().equals("SPAN_KIND_SERVER"))
            .filter(span -> span.name().contains("/api/hello"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no HTTP server span in " + spans));
    String summary =
        spans.stream()
            .map(span -> span.name() + " " + span.spanId() + "<-" + span.parentId())
            .collect(Collectors.joining("\n"));

    ReceivedSpan parent = http;
    for (String name : CHAIN) {
      ReceivedSpan span = named(spans, name).orElseThrow();
      assertEquals(http.traceId(), span.traceId(), name + " is in the HTTP request's trace");
      assertEquals(
          parent.spanId(),
          span.parentId(),
          name + " is the child of " + parent.name() + "; received:\n" + summary);
      assertEquals(SERVICE, span.service(), name + " names the service");
      parent = span;
    }
    assertTrue(
        spans.stream()
            .filter(span -> span.traceId().equals(http.traceId()))
            .allMatch(span -> span.service().equals(SERVICE)),
        "every span of the trace comes from this deployment");
  }

  @Test
  void consoleLogsAreJsonWithLibertysSwitch() throws IOException {
    List<String> lines = Files.readAllLines(liberty.console(), StandardCharsets.UTF_8);
    List<JsonObject> messages =
        lines.stream()
            .filter(line -> line.startsWith("{"))
            .map(line -> Json.createReader(new StringReader(line)).readObject())
            .toList();

    JsonObject startup =
        messages.stream()
            .filter(message -> message.getString("message", "").startsWith("Temporal: server at"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSON startup line in " + lines));
    assertEquals("liberty_message", startup.getString("type"));
    assertEquals("INFO", startup.getString("loglevel"));
    assertEquals("io.nexusliberty.temporal.worker.TemporalLifecycle", startup.getString("module"));
    assertTrue(
        startup.getString("message").contains("tracing OpenTelemetry"),
        "the startup line says tracing is on: " + startup.getString("message"));
    assertTrue(
        lines.stream()
            .filter(line -> !line.startsWith("{"))
            .noneMatch(line -> line.contains("Temporal:")),
        "no application message outside JSON");
  }

  private static Optional<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(span -> span.name().equals(name)).findFirst();
  }
}
