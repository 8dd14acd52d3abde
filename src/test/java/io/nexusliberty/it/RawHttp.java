package io.nexusliberty.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: requests no HTTP library would send
 * (illegal characters in the URL, broken framing, repeated headers, bodies in any encoding).
 */
final class RawHttp {

  private final String host;
  private final int port;

  RawHttp(URL base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /**
   * An answer: status, headers (names lower-cased, last value wins), body, and how long it took.
   */
  record Answer(int status, Map<String, String> headers, String body, Duration took) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    boolean isJson() {
      return header("content-type").startsWith("application/json");
    }

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    boolean isProblem() {
      return header("content-type").startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  /** The Host header this client sends by default. */
  String hostHeader() {
    return host + ":" + port;
  }

  /**
   * Sends a request made of a head (request line and headers, without the blank line; "Host" and
   * "Connection: close" are added unless present) and a body, and reads the answer until the server
   * closes the connection or {@code timeout} passes.
   */
  Answer send(String head, byte[] body, Duration timeout) {
    long start = System.nanoTime();
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      // Head and body in one write, as a client sends a small request.
      byte[] headBytes = completed(head);
      byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      byte[] answer = readAnswer(socket.getInputStream());
      return parse(answer, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(head.lines().findFirst().orElse(head) + " failed", e);
    }
  }

  /** The head with "Host" and "Connection: close" unless present, and the blank line. */
  private byte[] completed(String head) {
    StringBuilder request = new StringBuilder(head);
    String lower = head.toLowerCase(Locale.ROOT);
    if (!lower.contains("\r\nhost:")) {
      request.append("\r\nHost: ").append(hostHeader());
    }
    if (!lower.contains("\r\nconnection:")) {
      request.append("\r\nConnection: close");
    }
    request.append("\r\n\r\n");
    return request.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sends a request as {@link #send(String, byte[], Duration)} does, its body in two parts with a
   * pause between them, as a slow client or network delivers it.
   */
  Answer sendInParts(String head, byte[] first, Duration pause, byte[] rest, Duration timeout) {
    long start = System.nanoTime();
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.setTcpNoDelay(true);
      socket.getOutputStream().write(completed(head));
      socket.getOutputStream().write(first);
      socket.getOutputStream().flush();
      Thread.sleep(pause.toMillis());
      socket.getOutputStream().write(rest);
      socket.getOutputStream().flush();
      byte[] answer = readAnswer(socket.getInputStream());
      return parse(answer, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(head.lines().findFirst().orElse(head) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  Answer send(String head, String body) {
    return send(head, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(15));
  }

  /** Reads until the end of the answer: the connection's close, or the whole announced body. */
  private static byte[] readAnswer(InputStream input) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
        received.write(buffer, 0, read);
        if (complete(received.toByteArray())) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (received.size() == 0) {
        throw e;
      }
    }
    return received.toByteArray();
  }

  private static boolean complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return bytes.length - end - 4 >= Long.parseLong(line.substring(15).strip());
      }
    }
    return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
  }

  private static Answer parse(byte[] bytes, Duration took) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    byte[] body = new byte[0];
    if (end >= 0) {
      body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = dechunk(body);
      }
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), took);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int lineEnd = text.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }
}
