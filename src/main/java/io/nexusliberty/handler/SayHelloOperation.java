package io.nexusliberty.handler;

import io.nexusliberty.service.HelloInput;
import io.nexusliberty.service.HelloOutput;
import io.nexusliberty.service.Language;
import io.nexusliberty.temporal.BadNexusInput;
import io.nexusliberty.temporal.StartOrAttach;
import io.nexusrpc.OperationException;
import io.nexusrpc.handler.HandlerException;
import io.nexusrpc.handler.OperationCancelDetails;
import io.nexusrpc.handler.OperationContext;
import io.nexusrpc.handler.OperationHandler;
import io.nexusrpc.handler.OperationStartDetails;
import io.nexusrpc.handler.OperationStartResult;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.nexus.Nexus;
import io.temporal.nexus.WorkflowRunOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code say-hello} operation: runs {@link HelloHandlerWorkflow} under the Go sample's business
 * ID, sharing a run only between callers whose input is exactly the same.
 *
 * <p>Names that differ only in case or spacing ("Ada", " ada ") map to one business ID, but each
 * must get its own greeting. Every run records its exact input in its memo (a run another
 * implementation started has its input in its first history event: {@link RecordedInput}), and
 * every ID this operation uses keeps one rule: a run is started or attached to under an ID only
 * when the ID has never been used, or when its latest run has exactly this input. All runs of an ID
 * therefore have the same input, so attaching to whatever run is there is always right, even when
 * that run closes and another starts between the check and the attach. An input that finds the ID
 * taken by another input runs under an ID derived from its exact name instead.
 */
final class SayHelloOperation implements OperationHandler<HelloInput, HelloOutput> {

  /** Memo field holding the exact input of a handler workflow run. */
  static final String INPUT_MEMO = "input";

  /** The business ID, then IDs derived from the exact name, in case one is taken. */
  private static final int CANDIDATE_IDS = 3;

  /** A start that finds the ID taken, then finds no run under it, tries again this often. */
  private static final int ATTEMPTS_PER_ID = 3;

  @Override
  public OperationStartResult<HelloOutput> start(
      OperationContext context, OperationStartDetails details, HelloInput input)
      throws OperationException {
    if (Language.fromCode(input.language()).isEmpty()) {
      // Retrying cannot make an unknown language known: the caller's fault, refused at once.
      throw BadNexusInput.refuse(context, "unsupported language \"" + input.language() + "\"");
    }
    WorkflowClient client = Nexus.getOperationContext().getWorkflowClient();
    for (String workflowId : candidateIds(input)) {
      Optional<OperationStartResult<HelloOutput>> started =
          startUnder(client, workflowId, context, details, input);
      if (started.isPresent()) {
        return started.get();
      }
    }
    throw new HandlerException(
        HandlerException.ErrorType.INTERNAL,
        "No free workflow ID for this greeting: "
            + String.join(", ", candidateIds(input))
            + " are all taken by other names",
        null,
        HandlerException.RetryBehavior.NON_RETRYABLE);
  }

  /** Starts or attaches under this ID, or empty when the ID belongs to another input. */
  private static Optional<OperationStartResult<HelloOutput>> startUnder(
      WorkflowClient client,
      String workflowId,
      OperationContext context,
      OperationStartDetails details,
      HelloInput input)
      throws OperationException {
    for (int attempt = 0; attempt < ATTEMPTS_PER_ID; attempt++) {
      // Creates the first run this ID ever has, and fails if it has had any.
      StartOrAttach.Outcome<OperationStartResult<HelloOutput>> first =
          StartOrAttach.start(
              () ->
                  start(
                      client,
                      workflowId,
                      WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
                      context,
                      details,
                      input),
              client,
              workflowId,
              latestRun -> RecordedInput.of(client, latestRun).map(input::equals).orElse(false));
      switch (first.claim()) {
        case STARTED:
          return Optional.of(first.started());
        case NONE:
          continue; // The run went away (retention) since the start saw it: start afresh.
        case OTHER_REQUEST:
          return Optional.empty();
        case SAME_REQUEST:
          // Every run of this ID has this exact input: attach to the running one (its result
          // reaches this caller too), or start the next run when the last one has closed.
          return Optional.of(
              start(
                  client,
                  workflowId,
                  WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
                  context,
                  details,
                  input));
      }
    }
    return Optional.empty();
  }

  private static OperationStartResult<HelloOutput> start(
      WorkflowClient client,
      String workflowId,
      WorkflowIdConflictPolicy conflictPolicy,
      WorkflowIdReusePolicy reusePolicy,
      OperationContext context,
      OperationStartDetails details,
      HelloInput input)
      throws OperationException {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setWorkflowIdConflictPolicy(conflictPolicy)
            .setWorkflowIdReusePolicy(reusePolicy)
            .setMemo(Map.of(INPUT_MEMO, input))
            // Task queue defaults to the one this operation is handled on.
            .build();
    return WorkflowRunOperation.<HelloInput, HelloOutput>fromWorkflowMethod(
            (ctx, startDetails, in) ->
                client.newWorkflowStub(HelloHandlerWorkflow.class, options)::hello)
        .start(context, details, input);
  }

  /** The business ID of the Go sample, then IDs derived from the exact name and language. */
  static List<String> candidateIds(HelloInput input) {
    String businessId = input.handlerWorkflowId();
    String[] ids = new String[CANDIDATE_IDS];
    ids[0] = businessId;
    for (int i = 1; i < CANDIDATE_IDS; i++) {
      ids[i] = businessId + "-" + digest(i + "\n" + input.language() + "\n" + input.name());
    }
    return List.of(ids);
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  @Override
  public void cancel(OperationContext context, OperationCancelDetails details) {
    // The operation token names the workflow ID it was started under, derived or not.
    WorkflowRunOperation.<HelloInput, HelloOutput>fromWorkflowMethod(
            (ctx, startDetails, input) -> {
              throw new IllegalStateException("cancel never starts a workflow");
            })
        .cancel(context, details);
  }
}
