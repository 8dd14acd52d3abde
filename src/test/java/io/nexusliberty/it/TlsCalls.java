package io.nexusliberty.it;

import java.time.Duration;

/** Calls the TLS tests share. */
final class TlsCalls {

  private TlsCalls() {}

  /** POST /api/hello in German, retried until the workers behind the proxy have started. */
  static ApiClient.Answer awaitHello(ApiClient api, String name) {
    return RealServerChecks.await(
        () -> api.postJson("api/hello", "{\"name\": \"" + name + "\", \"language\": \"de\"}"),
        answer -> answer.status() == 200,
        Duration.ofSeconds(60));
  }
}
