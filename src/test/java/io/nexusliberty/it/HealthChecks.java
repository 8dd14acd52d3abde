package io.nexusliberty.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/** Liberty's health endpoints, at the server's root, as an orchestrator would poll them. */
final class HealthChecks {

  private final ApiClient server;

  HealthChecks(URL deployment) {
    try {
      server = new ApiClient(URI.create(deployment.toString()).resolve("/").toURL());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  ApiClient.Answer ready() {
    return server.get("health/ready");
  }

  /** Polls /health/ready until it answers this status, or the time is up. */
  ApiClient.Answer awaitReady(int status, Duration timeout) {
    return RealServerChecks.await(this::ready, answer -> answer.status() == status, timeout);
  }

  ApiClient.Answer get(String path) {
    return server.get(path);
  }

  /** The application's "temporal" check in a health answer. */
  static JsonObject temporalCheck(ApiClient.Answer health) {
    return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("temporal"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no temporal check in " + health));
  }
}
