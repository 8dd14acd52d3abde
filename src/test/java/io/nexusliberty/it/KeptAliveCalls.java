package io.nexusliberty.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * JSON POSTs of the load tests on kept-alive connections of the JDK's {@code HttpURLConnection},
 * which does its I/O on the calling thread: the cheapest client the JDK has, so that the load
 * generator's share of the machine stays small ({@code java.net.http.HttpClient} hands every call
 * between threads and cost about twice the CPU per call).
 */
final class KeptAliveCalls {

  /** An answer: its status and its body. */
  record Answer(int status, String body) {}

  private KeptAliveCalls() {}

  /**
   * POSTs the JSON body, with an {@code Idempotency-Key} unless it is null, and reads the answer to
   * its end, so that the connection goes back to the pool for the next call.
   *
   * @throws IOException when the connection is refused, cut or times out
   */
  static Answer post(URI url, JsonObject body, String idempotencyKey, int readTimeoutMillis)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setRequestProperty("Content-Type", "application/json");
    if (idempotencyKey != null) {
      connection.setRequestProperty("Idempotency-Key", idempotencyKey);
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    connection.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
    int status = connection.getResponseCode();
    InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    try (answer) {
      return new Answer(
          status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
