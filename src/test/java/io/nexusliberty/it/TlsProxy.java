package io.nexusliberty.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * nginx terminating TLS in front of the shared real Temporal server, on four loopback ports: TLS
 * only; mutual TLS that rejects a client without a certificate signed by the test CA; the same that
 * also rejects a call without the gRPC metadata {@code x-tenant: }{@link #TENANT}; and TLS that
 * rejects a request without {@code authorization: Bearer <API key>}. Started once per test run and
 * stopped by its process ID when the test JVM exits.
 */
final class TlsProxy {

  static final String API_KEY = "nexus-liberty-test-key-" + java.util.UUID.randomUUID();

  /** The gRPC metadata value the tenant port requires in {@code x-tenant}. */
  static final String TENANT = "tenant-" + java.util.UUID.randomUUID();

  private static TlsProxy shared;

  private final TestCertificates certificates;
  private final Process process;
  private final int tlsPort = TestWar.freePort();
  private final int mutualTlsPort = TestWar.freePort();
  private final int apiKeyPort = TestWar.freePort();
  private final int tenantPort = TestWar.freePort();

  private TlsProxy(Path nginx, String upstream) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory(Path.of("target"), "tls-proxy-").toAbsolutePath();
    certificates = TestCertificates.create(directory.resolve("certificates"));
    Path config = directory.resolve("nginx.conf");
    Files.writeString(config, config(directory, upstream));
    process =
        new ProcessBuilder(
                nginx.toString(),
                "-p",
                directory + "/",
                "-c",
                config.toString(),
                "-e",
                directory.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("nginx.out").toFile())
            .start();
    awaitListening(directory);
  }

  /** nginx, or empty when it is not installed. */
  static Optional<Path> nginx() {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "nginx");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static synchronized TlsProxy shared() {
    if (shared == null) {
      try {
        shared = new TlsProxy(nginx().orElseThrow(), TemporalDevServer.shared().address());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-tls-proxy"));
    }
    return shared;
  }

  TestCertificates certificates() {
    return certificates;
  }

  String tlsAddress() {
    return "127.0.0.1:" + tlsPort;
  }

  String mutualTlsAddress() {
    return "127.0.0.1:" + mutualTlsPort;
  }

  String apiKeyAddress() {
    return "127.0.0.1:" + apiKeyPort;
  }

  /** Mutual TLS that also requires the gRPC metadata {@code x-tenant: }{@link #TENANT}. */
  String tenantAddress() {
    return "127.0.0.1:" + tenantPort;
  }

  private String config(Path directory, String upstream) {
    String proxy =
        """
            location / {
              %s
              grpc_pass grpc://%s;
            }
        """;
    return """
        daemon off;
        master_process off;
        pid %1$s/nginx.pid;
        events { worker_connections 256; }
        http {
          access_log %1$s/access.log;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_max_body_size 0;
          # Temporal's long polls last about a minute.
          grpc_read_timeout 300s;
          grpc_send_timeout 300s;
          ssl_certificate %2$s;
          ssl_certificate_key %3$s;
          server {
            listen 127.0.0.1:%4$d ssl http2;
            %7$s
          }
          server {
            listen 127.0.0.1:%5$d ssl http2;
            ssl_client_certificate %9$s;
            ssl_verify_client on;
            %7$s
          }
          server {
            listen 127.0.0.1:%6$d ssl http2;
            %8$s
          }
          server {
            listen 127.0.0.1:%10$d ssl http2;
            ssl_client_certificate %9$s;
            ssl_verify_client on;
            %11$s
          }
        }
        """
        .formatted(
            directory,
            certificates.serverCertificate(),
            certificates.serverKey(),
            tlsPort,
            mutualTlsPort,
            apiKeyPort,
            proxy.formatted("", upstream),
            proxy.formatted(
                "if ($http_authorization != \"Bearer " + API_KEY + "\") { return 401; }", upstream),
            certificates.caCertificate(),
            tenantPort,
            proxy.formatted("if ($http_x_tenant != \"" + TENANT + "\") { return 403; }", upstream));
  }

  private void awaitListening(Path directory) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited: "
                + Files.readString(directory.resolve("nginx.out"))
                + Files.readString(directory.resolve("error.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", apiKeyPort), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    stop();
    throw new IllegalStateException("nginx did not listen within 20 s; see " + directory);
  }

  private void stop() {
    process.toHandle().destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.toHandle().destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
