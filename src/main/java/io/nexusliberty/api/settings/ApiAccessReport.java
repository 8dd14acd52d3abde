package io.nexusliberty.api.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Says once, when the application starts, who may call the API: which authentication is on, or that
 * an API without it refuses to serve beyond the loopback interface and which settings change that.
 */
@ApplicationScoped
public class ApiAccessReport {

  private static final Logger LOG = Logger.getLogger(ApiAccessReport.class.getName());

  @Inject ApiSettings settings;

  private final AtomicBoolean refusalReported = new AtomicBoolean();

  void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
    ApiAccess access = settings.access();
    switch (access.authentication()) {
      case TOKENS ->
          LOG.info(
              "API: callers need a bearer token that MicroProfile JWT verifies (key from "
                  + access.jwtKeySetting()
                  + ", issuer from "
                  + ApiSettings.JWT_ISSUER
                  + "); the token's groups give the roles: "
                  + ApiAccess.USER_ROLE
                  + " starts workflows and follows its own, "
                  + ApiAccess.ADMIN_ROLE
                  + " follows any and reads /api/connection and /metrics");
      case SERVER ->
          LOG.info(
              "API: callers are authenticated by the server's own security ("
                  + ApiSettings.API_AUTH_REQUIRED
                  + "=true); roles "
                  + ApiAccess.USER_ROLE
                  + " and "
                  + ApiAccess.ADMIN_ROLE);
      case NONE -> {
        if (access.anonymousBeyondLoopbackRefused()) {
          refusalReported.set(true);
          LOG.severe(anonymousRefusal(access.listenHost()));
        } else if (access.allowAnonymous()) {
          LOG.warning(
              "API: no authentication, and "
                  + ApiSettings.API_ALLOW_ANONYMOUS
                  + "=true: anyone who reaches the application may start, read and cancel"
                  + " workflows and read /api/connection and /metrics");
        } else {
          LOG.info(
              "API: no authentication; it answers on the loopback interface only (to serve other"
                  + " machines, set "
                  + ApiSettings.JWT_PUBLIC_KEY_LOCATION
                  + " and "
                  + ApiSettings.JWT_ISSUER
                  + ")");
        }
      }
    }
  }

  /** Logs, once, that a request from beyond loopback was refused, unless the start said so. */
  public void anonymousRequestRefused() {
    if (refusalReported.compareAndSet(false, true)) {
      LOG.severe(anonymousRefusal(null));
    }
  }

  private static String anonymousRefusal(String listenHost) {
    return "The API authenticates no one and "
        + (listenHost == null
            ? "a request reached it beyond the loopback interface"
            : "Liberty listens beyond the loopback interface ("
                + ApiSettings.HTTP_HOST
                + "="
                + listenHost
                + ")")
        + ": it answers 503 to every request that does not arrive on loopback. Set "
        + ApiSettings.JWT_PUBLIC_KEY_LOCATION
        + " (environment variable MP_JWT_VERIFY_PUBLICKEY_LOCATION: the issuer's PEM key or"
        + " JWKS URL) and "
        + ApiSettings.JWT_ISSUER
        + " (MP_JWT_VERIFY_ISSUER) to accept the identity provider's tokens, or "
        + ApiSettings.API_ALLOW_ANONYMOUS
        + "=true (API_ALLOW_ANONYMOUS) to serve anyone who reaches it";
  }
}
