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
}
