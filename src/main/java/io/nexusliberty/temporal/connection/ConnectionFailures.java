package io.nexusliberty.temporal.connection;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.config.SettingNames;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns a failed call to the Temporal frontend into a sentence a user can act on: what went wrong
 * and which setting to look at.
 */
public final class ConnectionFailures {

  private ConnectionFailures() {}

  public static String describe(String target, StatusRuntimeException failure) {
    Status status = failure.getStatus();
    String reported = reported(status);
    if (serviceMissing(failure)) {
      return "Temporal at "
          + target
          + " answers, but a service of its cluster behind the frontend is not running ("
          + reported
          + "): start the cluster's history and matching services";
    }
    Throwable tlsFailure = innermostTlsCause(failure);
    if (tlsFailure != null) {
      return "TLS with Temporal at "
          + target
          + " failed ("
          + tlsFailure.getMessage()
          + "): "
          + tlsHint(causeMessages(failure));
    }
    String description = String.valueOf(status.getDescription()).toLowerCase(Locale.ROOT);
    if (description.contains("no required ssl certificate")
        || description.contains("certificate required")) {
      return "Temporal at "
          + target
          + " requires a client certificate ("
          + reported
          + "): set "
          + SettingNames.TLS_CLIENT_CERT_PATH
          + " and "
          + SettingNames.TLS_CLIENT_KEY_PATH;
    }
    return switch (status.getCode()) {
      case UNAUTHENTICATED ->
          "Temporal at "
              + target
              + " rejected this application's credentials ("
              + reported
              + "): check "
              + SettingNames.API_KEY
              + " or the client certificate";
      case NOT_FOUND ->
          "Temporal at "
              + target
              + " answered "
              + reported
              + ": create the namespace, or set "
              + SettingNames.PROVISION
              + "=true to let the application create it";
      case PERMISSION_DENIED ->
          "Temporal at "
              + target
              + " denied the request ("
              + reported
              + "): the API key or client certificate lacks permission for the namespace";
      case UNAVAILABLE, DEADLINE_EXCEEDED, UNKNOWN ->
          "Temporal at "
              + target
              + " is not reachable ("
              + reported
              + "): check "
              + SettingNames.ADDRESS
              + ", that the server runs, and whether it expects TLS ("
              + SettingNames.TLS
              + ")";
      default -> "Temporal at " + target + " refused the request (" + reported + ")";
    };
  }

  /**
   * Whether the frontend answered, but found no running host of a service of its cluster that the
   * call needs (history or matching): Temporal's "Not enough hosts to serve the request", or the
   * server's own failure to dial one that its membership still lists ("Error while dialing", which
   * only a Go server says: this client's failures to reach the frontend read otherwise).
   */
  public static boolean serviceMissing(StatusRuntimeException failure) {
    String description = failure.getStatus().getDescription();
    if (failure.getStatus().getCode() != Status.Code.UNAVAILABLE || description == null) {
      return false;
    }
    String lower = description.toLowerCase(Locale.ROOT);
    return lower.contains("not enough hosts") || lower.contains("error while dialing");
  }

  /** The sentence for a frontend that answers while this service of its cluster does not. */
  public static String describeMissingService(
      String target, String service, StatusRuntimeException failure) {
    return "Temporal at "
        + target
        + " answers, but its "
        + service
        + " service does not ("
        + reported(failure.getStatus())
        + "): no call can be served until the cluster's "
        + service
        + " service runs again";
  }

  /** The status as reported: its code and the first line of its description. */
  private static String reported(Status status) {
    // A proxy's HTTP error arrives as a multi-line description; its first line says enough.
    return status.getCode()
        + (status.getDescription() == null
            ? ""
            : ": " + status.getDescription().lines().findFirst().orElse(""));
  }

  /** The deepest TLS or certificate exception: the one that says what was wrong. */
  private static Throwable innermostTlsCause(Throwable failure) {
    Throwable innermost = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException || cause instanceof CertificateException) {
        innermost = cause;
      }
    }
    return innermost;
  }

  private static String causeMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString().toLowerCase(Locale.ROOT);
  }

  private static String tlsHint(String message) {
    if (message.contains("pkix") || message.contains("certification path")) {
      return "the server's certificate is not signed by a CA this application trusts; set "
          + SettingNames.TLS_SERVER_CA_CERT_PATH
          + " to the CA that signed it";
    }
    if (message.contains("subject alternative") || message.contains("no name matching")) {
      return "the server's certificate is not for the name this application asked for; set "
          + SettingNames.TLS_SERVER_NAME
          + " to a name in the certificate";
    }
    if (message.contains("not an ssl/tls record")) {
      return "the server does not speak TLS; leave "
          + SettingNames.TLS
          + ", "
          + SettingNames.API_KEY
          + " and the certificate settings unset";
    }
    if (message.contains("certificate_required") || message.contains("bad_certificate")) {
      return "the server rejected this application's client certificate, or wants one; check "
          + SettingNames.TLS_CLIENT_CERT_PATH
          + " and "
          + SettingNames.TLS_CLIENT_KEY_PATH;
    }
    return "check the " + SettingNames.TLS + ".* settings";
  }
}
