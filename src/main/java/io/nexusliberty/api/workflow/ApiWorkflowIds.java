package io.nexusliberty.api.workflow;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.temporal.client.WorkflowExecutionDescription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/** The workflow IDs this API gives, and how to tell a workflow it started from any other. */
public final class ApiWorkflowIds {

  /** Memo field holding the fingerprint of the request that started a workflow. */
  public static final String REQUEST_MEMO = "request";

  /** Memo field holding the name of the authenticated caller that started a workflow. */
  public static final String OWNER_MEMO = "owner";

  public static final String ECHO_ID_PREFIX = "echo-caller-";
  public static final String HELLO_ID_PREFIX = "hello-caller-";

  /** The ID prefixes of the workflow types this API starts. */
  private static final Map<String, String> PREFIXES =
      Map.of(
          ECHO_ID_PREFIX, EchoCallerWorkflow.class.getSimpleName(),
          HELLO_ID_PREFIX, HelloCallerWorkflow.class.getSimpleName());

  private static final Pattern API_WORKFLOW_ID =
      Pattern.compile(
          "(echo|hello)-caller-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
              + "|([0-9a-f]{16}-)?key-[A-Za-z0-9._-]{1,100})");

  private ApiWorkflowIds() {}

  /**
   * The ID part that an {@code Idempotency-Key} gives: {@code key-<key>} without authentication;
   * with it, each caller's keys apart, {@code <16 hex digits of a SHA-256 of the caller's
   * name>-key-<key>} (the name itself stays out of the ID, which the Web UI and logs show).
   */
  public static String keyPart(String idempotencyKey, ApiCaller caller) {
    return caller.name() == null
        ? "key-" + idempotencyKey
        : ownerHash(caller.name()) + "-key-" + idempotencyKey;
  }

  /** The caller that started the workflow, or null when the API authenticated nobody then. */
  public static String owner(WorkflowExecutionDescription description) {
    return description.getMemo(OWNER_MEMO, String.class, String.class);
  }

  /** Whether the ID has the form of the workflow IDs this API gives. */
  public static boolean isApiWorkflowId(String workflowId) {
    return workflowId != null && API_WORKFLOW_ID.matcher(workflowId).matches();
  }

  /**
   * Whether the API started this workflow: its type is the one its ID prefix stands for, and it
   * carries the request memo.
   */
  public static boolean startedByApi(WorkflowExecutionDescription description) {
    String workflowId = description.getExecution().getWorkflowId();
    String expectedType =
        PREFIXES.entrySet().stream()
            .filter(prefix -> workflowId.startsWith(prefix.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    return description.getWorkflowType().equals(expectedType)
        && description.getMemo(REQUEST_MEMO, String.class, String.class) != null;
  }

  /** The first 64 bits of SHA-256 of the owner's name, in hexadecimal. */
  private static String ownerHash(String owner) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
