package io.nexusliberty.temporal;

import java.util.Locale;

/** A Temporal setting that is missing, malformed or inconsistent; names the property to fix. */
public class InvalidSettingException extends RuntimeException {

  private final String property;

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
  }

  /** The MicroProfile Config property at fault, such as {@code temporal.tls.client-key-path}. */
  public String property() {
    return property;
  }

  /** The environment-variable form of a property name, as MicroProfile Config maps it. */
  static String environmentVariable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
