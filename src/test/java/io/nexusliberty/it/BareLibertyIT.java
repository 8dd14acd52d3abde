package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built WAR, unchanged, dropped into the {@code dropins/} of a fresh Liberty server whose
 * server.xml lists only the features the application needs: it runs on the embedded server and
 * answers, with every default taken from inside the WAR. A missing feature is named at startup.
 */
class BareLibertyIT {

  /** The features the README lists for a Liberty user's own server. */
  static final List<String> FEATURES =
      List.of(
          "restfulWS-3.1",
          "servlet-6.0",
          "jsonb-3.0",
          "jsonp-2.1",
          "cdi-4.0",
          "mpConfig-3.1",
          "mpHealth-4.0",
          "mpOpenAPI-4.1");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Only what a machine needs: an embedded server on a free port, not 7233. No Temporal client
   * configuration is named, so the application looks for the CLI's default file, in a home
   * directory like a fresh machine's: the CLI's directory without a temporal.toml.
   */
  private static final Map<String, String> ENVIRONMENT = freshMachine();

  private static Map<String, String> freshMachine() {
    try {
      Path home = Files.createTempDirectory("bare-home");
      Files.createDirectories(home.resolve(".config/temporalio"));
      return Map.of(
          "TEMPORAL_EMBEDDED_PORT", "0",
          "TEMPORAL_CONFIG_FILE", "",
          "JVM_ARGS", "-Duser.home=" + home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theWarDeploysUnchangedIntoABareServerAndAnswers() {
    try (LibertyServer liberty = LibertyServer.bare("bare", FEATURES, ENVIRONMENT)) {
      liberty.start();
      liberty.awaitReady(READY_TIMEOUT);

      ApiClient api = new ApiClient(liberty.base());
      ApiClient.Answer echo = api.postJson("api/echo", "{\"message\": \"bare\"}");
      assertEquals(200, echo.status(), "echo: " + echo);
      assertEquals("bare", echo.json().getString("result"));
      ApiClient.Answer hello =
          api.postJson("api/hello", "{\"name\": \"Bare\", \"language\": \"fr\"}");
      assertEquals(200, hello.status(), "hello: " + hello);
      assertEquals("Bonjour Bare 👋", hello.json().getString("result"));

      // A quiet deployment: no warning from Liberty about the WAR (such as SRVE9967W for a
      // library's manifest class path); the application's own warnings are its business.
      List<String> libertyWarnings =
          liberty.messages().stream()
              .filter(line -> line.contains(" W ") && !line.contains(" io.nexusliberty."))
              .filter(line -> !line.contains(" io.temporal."))
              // The readiness check's own report of DOWN while the workers start.
              .filter(line -> !line.contains("CWMMH0052W"))
              .toList();
      assertEquals(List.of(), libertyWarnings, "Liberty's warnings about the deployment");
      ApiClient.Answer openApi = new ApiClient(liberty.serverRoot()).get("openapi?format=JSON");
      assertTrue(
          openApi
              .json()
              .getJsonObject("components")
              .getJsonObject("schemas")
              .containsKey("WorkerTuning"),
          "the OpenAPI document, made from the application's own classes only, is complete");
    }
  }

  @Test
  void aMissingFeatureIsNamedAtStartup() {
    List<String> features = new ArrayList<>(FEATURES);
    features.remove("mpHealth-4.0");
    try (LibertyServer liberty = LibertyServer.bare("bare-no-health", features, ENVIRONMENT)) {
      liberty.start();
      List<String> named =
          RealServerChecks.await(
              () ->
                  liberty.messagesIfAny().stream()
                      .filter(line -> line.contains("lacks the features this application needs"))
                      .toList(),
              lines -> !lines.isEmpty(),
              READY_TIMEOUT);

      assertEquals(1, named.size(), "one line names what is missing: " + liberty.messagesIfAny());
      assertTrue(
          named
              .get(0)
              .contains(
                  "needs: mpHealth-4.0. Add to the <featureManager> of server.xml:"
                      + " <feature>mpHealth-4.0</feature>"),
          named.get(0));
    }
  }
}
