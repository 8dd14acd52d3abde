package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The build's runnable jar, {@code java -jar target/nexus-liberty.jar}, configured only through the
 * environment: it listens where {@code HTTP_PORT} says, starts its embedded Temporal server, takes
 * bearer tokens once {@code MP_JWT_VERIFY_*} say whose (the minified server carries MicroProfile
 * JWT), answers a call, and stops with its workers drained on SIGTERM.
 */
class RunnableJarIT {

  private static final Path JAR = Path.of("target/nexus-liberty.jar");

  @Test
  void runsFromTheEnvironmentAlone() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
    int port = TestWar.freePort();
    Path extract = Files.createTempDirectory(Path.of("target"), "runnable-jar-");
    Path log = extract.resolve("console.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_"));
    builder.environment().put("HTTP_PORT", String.valueOf(port));
    builder.environment().put("HTTPS_PORT", String.valueOf(TestWar.freePort()));
    builder.environment().put("TEMPORAL_EMBEDDED_PORT", "0");
    JwtIssuer issuer = new JwtIssuer();
    builder
        .environment()
        .put(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.publicKeyFile().toAbsolutePath().toString());
    builder.environment().put("MP_JWT_VERIFY_ISSUER", JwtIssuer.ISSUER);
    // Where the jar unpacks its server, instead of the user's home.
    builder.environment().put("WLP_JAR_EXTRACT_DIR", extract.resolve("wlp").toString());
    Process process = builder.start();
    try {
      URL root = new URL("http://localhost:" + port + "/");
      HealthChecks health = new HealthChecks(root);
      ApiClient.Answer ready =
          RealServerChecks.await(
              () -> {
                try {
                  return health.ready();
                } catch (UncheckedIOException notYet) {
                  return null;
                }
              },
              answer -> answer != null && answer.status() == 200 || !process.isAlive(),
              Duration.ofSeconds(180));
      assertTrue(
          ready != null && ready.status() == 200,
          () -> "not ready: " + ready + "\n" + consoleOf(log));

      ApiClient api = new ApiClient(new URL(root, "/"));
      ApiClient.Answer anonymous = api.postJson("api/echo", "{\"message\": \"from a jar\"}");
      assertEquals(401, anonymous.status(), "no token: " + anonymous);
      ApiClient.Answer echo =
          api.withAuthorization(
                  "Bearer " + issuer.token("jar-user", java.util.List.of("api-user"), 300))
              .postJson("api/echo", "{\"message\": \"from a jar\"}");
      assertEquals(200, echo.status(), echo::toString);
      assertEquals("from a jar", echo.json().getString("result"));

      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s of SIGTERM");
      // The jar's server logs where it was unpacked, as any Liberty server does.
      String messages =
          consoleOf(extract.resolve("wlp/wlp/usr/servers/nexus-liberty/logs/messages.log"));
      assertTrue(messages.contains("Temporal workers stopped after"), messages);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String consoleOf(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(nothing: " + e + ")";
    }
  }
}
