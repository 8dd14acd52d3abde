package io.nexusliberty.api;

import io.micrometer.core.instrument.Timer;
import io.nexusliberty.api.workflow.ApiCaller;
import io.nexusliberty.api.workflow.CallOptions;
import io.nexusliberty.api.workflow.CallerRequest;
import io.nexusliberty.api.workflow.CallerWorkflowRunner;
import io.nexusliberty.metrics.ApplicationMetrics;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.connection.TemporalTracing;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Answers a plain {@code POST /api/echo} or {@code /api/hello} once its body is read, on the thread
 * that read the body's end: without a thread made or waited for, and without dispatching the
 * request again through the container and JAX-RS, which cost more CPU than the call's own work. The
 * resources' own body reading, the same {@link CallerWorkflowRunner} and the same problem answers
 * serve it, so every answer is the one JAX-RS gives. "Plain" is what JAX-RS would take as it is:
 * the exact path, {@code Content-Type: application/json}, an {@code Accept} that takes JSON, at
 * most a {@code wait} parameter and one well-formed {@code Idempotency-Key}, and tracing off
 * (JAX-RS makes the request's span). Anything else goes to JAX-RS as before.
 */
@ApplicationScoped
public class DirectCalls {

  private static final Logger LOG = Logger.getLogger(DirectCalls.class.getName());

  /** Where JAX-RS serves the API (the application's path), as the servlet container maps it. */
  private static final String API_SERVLET_PATH = "/api";

  private static final Pattern WAIT_QUERY = Pattern.compile("wait=(?i:true|false)");

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private static final Pattern ZERO_QUALITY = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*$");

  /** JSON-B with its defaults, as the JAX-RS JSON-B provider writes the resources' answers. */
  private static final Jsonb JSON_B = JsonbBuilder.create();

  @Inject CallerWorkflowRunner runner;
  @Inject ApplicationMetrics metrics;
  @Inject TemporalLifecycle lifecycle;

  /**
   * A plain call, as read from its request on the request's own thread (Liberty keeps some request
   * state on that thread, so nothing is read from the request later, on another).
   *
   * @param reader how its body is read and validated
   * @param uri the path it is measured under
   * @param options its options: {@code wait}, {@code Idempotency-Key}, the API's path, the caller
   */
  public record PlainCall(
      Function<InputStream, CallerRequest> reader, String uri, CallOptions options) {}

  /**
   * The request as a plain call, or null when JAX-RS must answer it. Called on the request's own
   * thread, before its body is read.
   */
  public PlainCall plainCall(HttpServletRequest request) {
    Function<InputStream, CallerRequest> reader = plainReader(request);
    if (reader == null) {
      return null;
    }
    String query = request.getQueryString();
    return new PlainCall(
        reader,
        API_SERVLET_PATH + request.getPathInfo(),
        CallOptions.of(
            query == null ? null : query.substring("wait=".length()),
            request.getHeader("Idempotency-Key"),
            request.getContextPath() + API_SERVLET_PATH + "/",
            ApiCaller.of(request)));
  }

  /**
   * Answers a plain call with its body, on whichever thread read the body's end, completing {@code
   * async} when the answer is written.
   */
  public void answer(
      PlainCall call, byte[] body, HttpServletResponse response, AsyncContext async) {
    Timer.Sample sample = Timer.start(metrics.registry());
    CompletionStage<Response> answer;
    try {
      answer = runner.call(call.reader().apply(new ByteArrayInputStream(body)), call.options());
    } catch (RuntimeException e) {
      answer = CompletableFuture.completedFuture(CallerWorkflowRunner.answerTo(e));
    }
    answer.whenComplete(
        (done, failure) -> {
          Response result = failure == null ? done : CallerWorkflowRunner.answerTo(failure);
          try {
            write(response, result);
          } catch (IOException | RuntimeException e) {
            // The client went away: nothing to answer.
            LOG.log(Level.FINE, "Could not write the answer to " + call.uri(), e);
          } finally {
            HttpMetricsFilter.record(metrics, sample, "POST", call.uri(), result.getStatus());
            async.complete();
          }
        });
  }

  /** How to read the body of a plain call, or null when JAX-RS must answer the request. */
  private Function<InputStream, CallerRequest> plainReader(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    Function<InputStream, CallerRequest> reader =
        "/echo".equals(pathInfo)
            ? EchoResource::request
            : "/hello".equals(pathInfo) ? HelloResource::request : null;
    if (reader == null
        || !"POST".equals(request.getMethod())
        || !API_SERVLET_PATH.equals(request.getServletPath())
        || !request.getRequestURI().equals(request.getContextPath() + API_SERVLET_PATH + pathInfo)
        || (request.getQueryString() != null
            && !WAIT_QUERY.matcher(request.getQueryString()).matches())
        || !jsonContent(request.getHeader(HttpHeaders.CONTENT_TYPE))
        || !takesJson(request.getHeaders(HttpHeaders.ACCEPT))
        || !plainKey(request)
        || !tracingOff()) {
      return null;
    }
    return reader;
  }

  /** Whether calls are traced; when they are, JAX-RS makes the request's span. */
  private boolean tracingOff() {
    TemporalConnection connection = lifecycle.connection();
    return connection != null && connection.tracing() == TemporalTracing.OFF;
  }

  private static boolean jsonContent(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("application/json;charset=utf-8");
  }

  /** Whether some range of the Accept header takes JSON, and none refuses anything (q=0). */
  private static boolean takesJson(Enumeration<String> accept) {
    List<String> headers = accept == null ? List.of() : Collections.list(accept);
    if (headers.isEmpty()) {
      return true;
    }
    boolean json = false;
    for (String header : headers) {
      for (String range : header.split(",")) {
        if (ZERO_QUALITY.matcher(range).find()) {
          return false;
        }
        int semicolon = range.indexOf(';');
        String type =
            (semicolon < 0 ? range : range.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        json |=
            type.equals(MediaType.APPLICATION_JSON)
                || type.equals("application/*")
                || type.equals(MediaType.WILDCARD);
      }
    }
    return json;
  }

  private static boolean plainKey(HttpServletRequest request) {
    List<String> keys = Collections.list(request.getHeaders("Idempotency-Key"));
    return keys.isEmpty() || (keys.size() == 1 && IDEMPOTENCY_KEY.matcher(keys.get(0)).matches());
  }

  /** Writes the answer as JAX-RS writes it: the problem's text, or the entity in JSON-B. */
  private static void write(HttpServletResponse response, Response answer) throws IOException {
    Object entity = answer.getEntity();
    byte[] bytes =
        (entity instanceof String text ? text : JSON_B.toJson(entity))
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.getStatus());
    answer
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> response.addHeader(name, value));
              }
            });
    MediaType type = answer.getMediaType();
    response.setContentType(type == null ? MediaType.APPLICATION_JSON : type.toString());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
