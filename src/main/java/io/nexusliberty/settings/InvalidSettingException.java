package io.nexusliberty.settings;

import java.util.Locale;

/** A setting that is missing, malformed or inconsistent; names the property to fix. */
public class InvalidSettingException extends RuntimeException {

  private final String property;
  private final String problem;

  public InvalidSettingException(String property, String problem) {
    this(property, problem, null);
  }

  public InvalidSettingException(String property, String problem, Throwable cause) {
    super(
        "Invalid setting "
            + property
            + " (environment variable "
            + environmentVariable(property)
            + "): "
            + problem,
        cause);
    this.property = property;
    this.problem = problem;
  }

  /** The same complaint, saying where the value came from when not from the property itself. */
  public InvalidSettingException from(String source) {
    InvalidSettingException located =
        new InvalidSettingException(
            property, problem + " (the value comes from " + source + ")", getCause());
    located.setStackTrace(getStackTrace());
    return located;
  }

  /** The MicroProfile Config property at fault, such as {@code temporal.tls.client-key-path}. */
  public String property() {
    return property;
  }

  /** The environment-variable form of a property name, as MicroProfile Config maps it. */
  public static String environmentVariable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
