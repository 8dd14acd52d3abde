package io.nexusliberty.api.workflow;

import io.grpc.Context;
import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.temporal.CallerNamespace;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.StartOrAttach;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.health.TemporalAvailability;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts a request's caller workflow on the caller task queue, once per {@code Idempotency-Key}
 * when one is given.
 */
@ApplicationScoped
public class CallerWorkflowStarter {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** A key whose workflow vanishes between the start and the description is tried again. */
  private static final int ATTEMPTS = 3;

  /**
   * How long a start may take, the SDK's retries included, before the call is answered 503 saying
   * what is missing: without it, the SDK retries an unavailable cluster for a minute.
   */
  public static final Duration START_DEADLINE = Duration.ofSeconds(10);

  @Inject TemporalSettings settings;
  @Inject @CallerNamespace WorkflowClient client;
  @Inject TemporalAvailability availability;

  /** Ends the starts that outlast {@link #START_DEADLINE}. */
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "caller-workflow-start-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  @PreDestroy
  void stop() {
    deadlines.shutdownNow();
  }

  /**
   * Starts the workflow of a request. With an idempotency key, the workflow ID comes from the key,
   * and a repeated request finds the workflow the first one started, running or finished.
   *
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @param caller who asks: the owner recorded with the workflow, and whose keys the key is among
   * @throws ApiProblem 400 for a malformed key, 409 for a key already used with another request,
   *     503 when Temporal cannot start it
   */
  public StartedWorkflow start(CallerRequest request, String idempotencyKey, ApiCaller caller) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw ApiProblem.invalidField(
          "Idempotency-Key",
          "The Idempotency-Key header must be 1 to 100 letters, digits, '.', '_' or '-'");
    }
    String workflowId =
        request.idPrefix()
            + (idempotencyKey == null
                ? UUID.randomUUID()
                : ApiWorkflowIds.keyPart(idempotencyKey, caller));
    Map<String, Object> memo = new HashMap<>();
    memo.put(ApiWorkflowIds.REQUEST_MEMO, request.fingerprint());
    if (caller.name() != null) {
      memo.put(ApiWorkflowIds.OWNER_MEMO, caller.name());
    }
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(settings.callerTaskQueue())
            .setMemo(memo)
            // Eager start: the start's answer carries the first workflow task to this instance's
            // caller worker, sharing this client, instead of the worker polling for it. The SDK
            // asks only when that worker has a free slot; a server may decline, and the task is
            // then polled as usual.
            .setDisableEagerExecution(!(settings.eagerStart() && settings.runs(Role.CALLER)));
    if (idempotencyKey != null) {
      // One workflow per key, ever: a retry must not run the request again after it finished.
      options.setWorkflowIdReusePolicy(
          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    }
    WorkflowOptions workflowOptions = options.build();
    availability.requireReady();
    Context.CancellableContext bounded =
        Context.current()
            .withDeadlineAfter(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS, deadlines);
    try {
      return bounded.call(() -> startOrAttach(request, workflowId, workflowOptions, caller));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      bounded.cancel(null);
    }
  }

  /** Starts the workflow, or finds the run an earlier request with the same key started. */
  private StartedWorkflow startOrAttach(
      CallerRequest request, String workflowId, WorkflowOptions workflowOptions, ApiCaller caller) {
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        StartOrAttach.Outcome<WorkflowExecution> outcome =
            StartOrAttach.start(
                () -> request.start().start(client, workflowOptions),
                client,
                workflowId,
                latestRun -> sameRequest(latestRun, request, caller));
        switch (outcome.claim()) {
          case STARTED:
            return started(request, workflowId, outcome.started().getRunId());
          case SAME_REQUEST:
            return started(request, workflowId, outcome.latestRun().getExecution().getRunId());
          case OTHER_REQUEST:
            throw keyReused(workflowId);
          case NONE:
            continue; // The key's workflow went away (retention) since the start saw it.
        }
      }
    } catch (WorkflowException e) {
      throw availability.failure(e, workflowId);
    }
    throw new IllegalStateException(
        "Workflow " + workflowId + " kept vanishing between its start and its description");
  }

  /** Whether a run records this request, from this caller (its key among the caller's own). */
  private static boolean sameRequest(
      WorkflowExecutionDescription latestRun, CallerRequest request, ApiCaller caller) {
    String fingerprint = latestRun.getMemo(ApiWorkflowIds.REQUEST_MEMO, String.class, String.class);
    // The same caller's key (by the ID's form, unless two names share 64 bits of their hash).
    return request.fingerprint().equals(fingerprint)
        && Objects.equals(caller.name(), ApiWorkflowIds.owner(latestRun));
  }

  private static ApiProblem keyReused(String workflowId) {
    return new ApiProblem(
            Response.Status.CONFLICT,
            "Idempotency key reused",
            "This Idempotency-Key was used for a different request, which started workflow "
                + workflowId
                + "; use a new key for a new request")
        .with("workflowId", workflowId);
  }

  /** The run this request started, or the one an earlier request with the same key started. */
  private StartedWorkflow started(CallerRequest request, String workflowId, String runId) {
    return new StartedWorkflow(
        request.workflowType(),
        workflowId,
        runId,
        client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty()));
  }
}
