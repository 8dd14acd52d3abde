package io.nexusliberty.temporal.config;

/**
 * A PEM certificate or key the connection uses, read once at deployment, and where it came from: a
 * file, or text given inline (such as a Kubernetes secret in an environment variable).
 *
 * @param property the setting that supplied it, named in every error about it
 * @param file the file it was read from, or null when it was given inline
 * @param content its bytes
 */
public record Pem(String property, String file, byte[] content) {

  /** Where it came from, for logs and answers; never the content. */
  public String origin() {
    return file != null ? file : "inline (" + property + ")";
  }

  @Override
  public String toString() {
    return origin();
  }
}
