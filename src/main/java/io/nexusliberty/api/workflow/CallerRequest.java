package io.nexusliberty.api.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated request to run a caller workflow: its type, the prefix of its generated ID, and its
 * arguments, which also make the request's fingerprint for {@code Idempotency-Key}.
 */
public record CallerRequest(String workflowType, String idPrefix, List<String> arguments) {

  /** SHA-256 of the workflow type and arguments: equal for requests that mean the same. */
  public String fingerprint() {
    MessageDigest digest = sha256();
    digest.update(workflowType.getBytes(StandardCharsets.UTF_8));
    for (String argument : arguments) {
      digest.update((byte) 0);
      digest.update(argument.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of a text's UTF-8 bytes, in hexadecimal. */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
