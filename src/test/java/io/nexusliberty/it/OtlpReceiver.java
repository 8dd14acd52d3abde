package io.nexusliberty.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver on a free loopback port: it decodes each
 * export with OpenTelemetry's own protobuf messages and keeps the spans for the test to look at.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One received span, with its IDs in hex as tracing tools show them. */
  record ReceivedSpan(
      String service, String name, String kind, String traceId, String spanId, String parentId) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  private OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/v1/traces", this::receiveTraces);
    // Metrics and logs, should an exporter send them, are accepted and dropped.
    server.createContext("/", exchange -> answer(exchange, 200, new byte[0]));
    server.start();
  }

  static OtlpReceiver start() {
    try {
      return new OtlpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL an exporter sends to ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /** Waits until the spans received so far satisfy the condition, and returns them. */
  List<ReceivedSpan> await(Predicate<List<ReceivedSpan>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedSpan> received = spans();
      if (condition.test(received)) {
        return received;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Within " + timeout + " the receiver got only " + received);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void receiveTraces(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service =
          resource.getResource().getAttributesList().stream()
              .filter(attribute -> attribute.getKey().equals("service.name"))
              .map(attribute -> attribute.getValue().getStringValue())
              .findFirst()
              .orElse("");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
          received.add(
              new ReceivedSpan(
                  service,
                  span.getName(),
                  span.getKind().name(),
                  hex(span.getTraceId().toByteArray()),
                  hex(span.getSpanId().toByteArray()),
                  hex(span.getParentSpanId().toByteArray())));
        }
      }
    }
    synchronized (this) {
      spans.addAll(received);
    }
    answer(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
