package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a TLS-terminating proxy: the host and scheme the proxy forwards ({@code Forwarded}, or
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}) decide the request's host and own origin
 * only where the request comes from an address of {@code api.trusted-proxies}; anywhere else they
 * are ignored, and the connection's own {@code Host} decides.
 */
@ExtendWith(ArquillianExtension.class)
class ForwardedHeadersIT {

  private static final String PUBLIC = "https://nexus.example.com";

  @Deployment(name = "behind-proxy", testable = false)
  static WebArchive behindProxy() {
    return TestWar.named("behind-proxy")
        .with("api.public-origins", PUBLIC)
        .with("api.trusted-proxies", "127.0.0.0/8, ::1")
        .build();
  }

  @Deployment(name = "no-proxy", testable = false)
  static WebArchive noProxy() {
    return TestWar.named("no-proxy").with("api.public-origins", PUBLIC).build();
  }

  @ArquillianResource
  @OperateOnDeployment("behind-proxy")
  URL behindProxy;

  @ArquillianResource
  @OperateOnDeployment("no-proxy")
  URL noProxy;

  private static RawHttp.Answer echo(URL base, String... headers) {
    String body = "{\"message\":\"forwarded\"}";
    String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    return new RawHttp(base)
        .send(
            "POST "
                + root
                + "api/echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length()
                + String.join("", java.util.Arrays.stream(headers).map(h -> "\r\n" + h).toList()),
            body);
  }

  @Test
  void aTrustedProxysForwardedHostAndSchemeCount() {
    assertEquals(
        200,
        echo(behindProxy, "X-Forwarded-Host: nexus.example.com", "X-Forwarded-Proto: https")
            .status(),
        "the public host, forwarded");
    assertEquals(
        421,
        echo(behindProxy, "X-Forwarded-Host: evil.example").status(),
        "a foreign host, forwarded by the proxy: refused");
    assertEquals(
        200,
        echo(
                behindProxy,
                "Forwarded: for=203.0.113.9;host=\"nexus.example.com:8443\";proto=https",
                "Origin: https://nexus.example.com:8443")
            .status(),
        "the page's origin is the forwarded host and scheme");
    assertEquals(
        403,
        echo(
                behindProxy,
                "X-Forwarded-Host: nexus.example.com",
                "X-Forwarded-Proto: https",
                "Origin: http://localhost:" + behindProxy.getPort())
            .status(),
        "forwarded, the own origin is the public one, not the connection's");
  }

  @Test
  void forwardedHeadersFromElsewhereAreIgnored() {
    assertEquals(
        200,
        echo(noProxy, "X-Forwarded-Host: evil.example").status(),
        "an untrusted X-Forwarded-Host changes nothing: the Host is localhost");
    assertEquals(
        403,
        echo(
                noProxy,
                "Forwarded: host=\"nexus.example.com:8443\";proto=https",
                "Origin: https://nexus.example.com:8443")
            .status(),
        "an untrusted Forwarded header makes no origin the application's own");
  }
}
