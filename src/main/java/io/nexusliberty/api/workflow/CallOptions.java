package io.nexusliberty.api.workflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How a call that starts a caller workflow is made, besides its body: the {@code wait} query
 * parameter, the {@code Idempotency-Key} header, the request's URI and the servlet request (which
 * carries the {@link ApiCaller}). A JAX-RS bean parameter, read raw so that a repeated value can be
 * refused.
 */
public class CallOptions {

  @Parameter(
      description = "false: answer 202 at once instead of waiting for the result",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
  @QueryParam("wait")
  List<String> waits;

  @Parameter(
      description =
          "Retries with the same key and body return the same workflow, and one runs; 1 to 100"
              + " letters, digits, '.', '_' or '-'",
      schema = @Schema(type = SchemaType.STRING, example = "order-42"))
  @HeaderParam("Idempotency-Key")
  List<String> idempotencyKeys;

  @Context UriInfo uri;

  @Context HttpServletRequest http;

  /** The API's path as deployed (such as {@code /api/}), when read without JAX-RS. */
  private String basePath;

  /** Who calls, when read without JAX-RS (on the request's own thread). */
  private ApiCaller caller;

  /**
   * The options of a call read outside JAX-RS: the one {@code wait} value and {@code
   * Idempotency-Key} given, or null for none, the API's path as deployed and who calls.
   */
  public static CallOptions of(
      String wait, String idempotencyKey, String basePath, ApiCaller caller) {
    CallOptions options = new CallOptions();
    options.waits = wait == null ? List.of() : List.of(wait);
    options.idempotencyKeys = idempotencyKey == null ? List.of() : List.of(idempotencyKey);
    options.basePath = basePath;
    options.caller = caller;
    return options;
  }

  /** Who calls: as read outside JAX-RS, or as the authentication filter recorded it. */
  ApiCaller caller() {
    return caller != null ? caller : ApiCaller.of(http);
  }

  /** The API's path as deployed, ending in a slash, from which the workflows' paths are made. */
  String basePath() {
    return basePath != null ? basePath : uri.getBaseUri().getRawPath();
  }
}
