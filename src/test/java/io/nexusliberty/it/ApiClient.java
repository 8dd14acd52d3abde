package io.nexusliberty.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the application's HTTP API the way any client would. */
final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  ApiClient(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  /** An answer: status, content type, Location header (or empty) and body. */
  record Answer(int status, String contentType, String location, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  Answer postJson(String path, String json) {
    return send(postRequest(path, "application/json", json).build());
  }

  Answer postJson(String path, String json, String idempotencyKey) {
    return send(
        postRequest(path, "application/json", json)
            .header("Idempotency-Key", idempotencyKey)
            .build());
  }

  Answer post(String path, String contentType, String body) {
    return send(postRequest(path, contentType, body).build());
  }

  private HttpRequest.Builder postRequest(String path, String contentType, String body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofSeconds(90));
  }

  Answer get(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(30)).build());
  }

  /** GET of an absolute URL, such as a Location header. */
  Answer get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30)).build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
