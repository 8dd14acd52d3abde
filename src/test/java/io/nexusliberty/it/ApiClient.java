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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the application's HTTP API the way any client would. */
final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  ApiClient(URL base) {
    this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
  }

  private ApiClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same client, sending this {@code Authorization} header with every request. */
  ApiClient withAuthorization(String value) {
    return new ApiClient(base, value);
  }

  /** The same client, authenticating with this user and password (HTTP Basic). */
  ApiClient withBasic(String user, String password) {
    return withAuthorization(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * An answer: status, content type, Location header (or empty), body, and the challenge of a 401
   * ({@code WWW-Authenticate}, or empty).
   */
  record Answer(
      int status, String contentType, String location, String body, String wwwAuthenticate) {
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
    if (authorization != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", authorization)
              .build();
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(""),
          response.body(),
          response.headers().firstValue("WWW-Authenticate").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
