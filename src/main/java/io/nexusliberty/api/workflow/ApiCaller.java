package io.nexusliberty.api.workflow;

import jakarta.servlet.ServletRequest;
import java.util.Objects;

/**
 * Who calls the API, as the authentication filter found: the authenticated principal's name, which
 * becomes the owner of the workflows it starts, and whether it may act on anyone's workflows. An
 * API without authentication has one caller, {@link #ANYONE}, who owns nothing and may act on every
 * workflow the API started.
 *
 * @param name the principal's name (a token's {@code upn}, else {@code preferred_username}, else
 *     {@code sub}; a registry's user name), or null for {@link #ANYONE}
 * @param admin whether the caller has the role {@code api-admin}
 */
public record ApiCaller(String name, boolean admin) {

  /** The request attribute holding the caller of an API request. */
  public static final String ATTRIBUTE = ApiCaller.class.getName();

  /** The caller of an API without authentication. */
  public static final ApiCaller ANYONE = new ApiCaller(null, true);

  /** The caller of this request, as the authentication filter recorded it. */
  public static ApiCaller of(ServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof ApiCaller caller) {
      return caller;
    }
    throw new IllegalStateException(
        "No API caller recorded: the authentication filter (web.xml) did not run");
  }

  /** Whether this caller may read and cancel a workflow that this owner (or nobody) started. */
  public boolean mayAccess(String owner) {
    return admin || Objects.equals(name, owner);
  }
}
