package io.nexusliberty.rest;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.temporal.TemporalRuntime;
import io.nexusliberty.temporal.TemporalSettings;
import io.nexusliberty.temporal.TemporalUnavailableException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Starts caller workflows on the caller task queue, with an optional idempotency key, and waits up
 * to {@code api.wait-timeout} for their results, turning each way that can go wrong into the API's
 * problem answers.
 */
@ApplicationScoped
public class CallerWorkflowRunner {

  /** Memo field holding the fingerprint of the request that started a workflow. */
  static final String REQUEST_MEMO = "request";

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  static final String ECHO_ID_PREFIX = "echo-caller-";
  static final String HELLO_ID_PREFIX = "hello-caller-";

  /** The ID prefixes of the workflow types this API starts. */
  private static final Map<String, String> PREFIXES =
      Map.of(
          ECHO_ID_PREFIX, EchoCallerWorkflow.class.getSimpleName(),
          HELLO_ID_PREFIX, HelloCallerWorkflow.class.getSimpleName());

  private static final Pattern API_WORKFLOW_ID =
      Pattern.compile(
          "(echo|hello)-caller-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
              + "|key-[A-Za-z0-9._-]{1,100})");

  @Inject TemporalRuntime temporal;

  /**
   * Runs a validated request: answers 200 with the result, or with {@code ?wait=false} 202 at once
   * with where to follow the workflow.
   *
   * @param waits the values of the {@code wait} query parameter: none (true) or one
   * @param idempotencyKeys the {@code Idempotency-Key} headers: none or one
   */
  public Response call(
      CallerRequest request, List<String> waits, List<String> idempotencyKeys, UriInfo uri) {
    boolean waitForResult = waitParameter(single("wait", "query parameter", waits));
    StartedWorkflow workflow = start(request, single("Idempotency-Key", "header", idempotencyKeys));
    if (waitForResult) {
      return Response.ok(awaitResult(workflow)).build();
    }
    // A path, not a URL: built from the request's Host header, a URL would point wherever the
    // client said it was.
    return Response.accepted(
            new WorkflowAccepted(workflow.workflowId(), workflow.runId(), "running"))
        .header(
            HttpHeaders.LOCATION,
            uri.getBaseUri().getRawPath() + "workflows/" + workflow.workflowId())
        .build();
  }

  /** The one value given, null for none; refuses a repeated one, whose meaning is ambiguous. */
  private static String single(String name, String kind, List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiProblem.invalidField(
          name,
          "The " + kind + " \"" + name + "\" is given " + values.size() + " times: give it once");
    }
    return values.get(0);
  }

  private static boolean waitParameter(String wait) {
    if (wait == null || wait.equalsIgnoreCase("true")) {
      return true;
    }
    if (wait.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiProblem.invalidField("wait", "The query parameter \"wait\" must be true or false");
  }

  /**
   * Starts the workflow of a request. With an idempotency key, the workflow ID comes from the key,
   * and a repeated request finds the workflow the first one started, running or finished.
   *
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws ApiProblem 400 for a malformed key, 409 for a key already used with another request,
   *     503 when Temporal cannot start it
   */
  public StartedWorkflow start(CallerRequest request, String idempotencyKey) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw ApiProblem.invalidField(
          "Idempotency-Key",
          "The Idempotency-Key header must be 1 to 100 letters, digits, '.', '_' or '-'");
    }
    String workflowId =
        request.idPrefix() + (idempotencyKey == null ? UUID.randomUUID() : "key-" + idempotencyKey);
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(temporal.settings().callerTaskQueue())
            .setMemo(Map.of(REQUEST_MEMO, request.fingerprint()));
    if (idempotencyKey != null) {
      // One workflow per key, ever: a retry must not run the request again after it finished.
      options.setWorkflowIdReusePolicy(
          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    }
    WorkflowClient client = temporal.callerClient();
    WorkflowStub stub = client.newUntypedWorkflowStub(request.workflowType(), options.build());
    requireReady();
    try {
      WorkflowExecution execution = stub.start(request.arguments().toArray());
      return new StartedWorkflow(request.workflowType(), workflowId, execution.getRunId(), stub);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return existing(client, request, workflowId);
    } catch (WorkflowServiceException e) {
      throw unavailable(e, workflowId);
    }
  }

  /** The workflow an earlier request with the same key started, if it was the same request. */
  private StartedWorkflow existing(
      WorkflowClient client, CallerRequest request, String workflowId) {
    WorkflowStub existing = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description;
    try {
      description = existing.describe();
    } catch (WorkflowException e) {
      throw unavailable(e, workflowId);
    }
    String fingerprint = description.getMemo(REQUEST_MEMO, String.class, String.class);
    if (!request.fingerprint().equals(fingerprint)) {
      throw new ApiProblem(
              Response.Status.CONFLICT,
              "Idempotency key reused",
              "This Idempotency-Key was used for a different request, which started workflow "
                  + workflowId
                  + "; use a new key for a new request")
          .with("workflowId", workflowId);
    }
    String runId = description.getExecution().getRunId();
    return new StartedWorkflow(
        request.workflowType(),
        workflowId,
        runId,
        client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty()));
  }

  /**
   * Waits for the workflow's result.
   *
   * @throws ApiProblem 504 past {@code api.wait-timeout}, 422 when the workflow failed, 503 when
   *     Temporal does not answer
   */
  public WorkflowResult awaitResult(StartedWorkflow workflow) {
    Duration waitTimeout = temporal.settings().apiWaitTimeout();
    try {
      String result =
          workflow.stub().getResult(waitTimeout.toMillis(), TimeUnit.MILLISECONDS, String.class);
      return new WorkflowResult(workflow.workflowId(), workflow.runId(), result);
    } catch (TimeoutException e) {
      throw new ApiProblem(
              Response.Status.GATEWAY_TIMEOUT,
              "Result not ready",
              workflow.workflowType()
                  + " "
                  + workflow.workflowId()
                  + " has not finished within "
                  + waitTimeout
                  + " ("
                  + TemporalSettings.API_WAIT_TIMEOUT
                  + "); it goes on running: follow it at /api/workflows/"
                  + workflow.workflowId())
          .with("workflowId", workflow.workflowId())
          .with("runId", workflow.runId());
    } catch (WorkflowServiceException e) {
      throw unavailable(e, workflow.workflowId());
    } catch (WorkflowException e) {
      // The workflow failed, was cancelled or terminated, or its Nexus operation failed.
      String ending = ending(e);
      throw new ApiProblem(
              UNPROCESSABLE_CONTENT,
              "Workflow " + ending,
              workflow.workflowType() + " " + ending + ": " + rootMessage(e))
          .with("workflowId", workflow.workflowId())
          .with("runId", workflow.runId())
          .with("workflowStatus", ending);
    }
  }

  private void requireReady() {
    try {
      temporal.requireReachable();
      temporal.requireNexusEndpoint();
    } catch (TemporalUnavailableException e) {
      throw ApiProblem.temporalUnavailable(e.getMessage());
    }
  }

  private ApiProblem unavailable(WorkflowException e, String workflowId) {
    return temporalFailure(temporal, e, workflowId);
  }

  /**
   * The answer to a call to Temporal that failed: 503 saying why when the server did not serve it;
   * otherwise the failure is not the client's, nor the server's absence, and stays unexpected.
   */
  static ApiProblem temporalFailure(
      TemporalRuntime temporal, RuntimeException e, String workflowId) {
    if (!temporal.serverFailed(e)) {
      throw e;
    }
    return ApiProblem.temporalUnavailable(temporal.explain(e)).with("workflowId", workflowId);
  }

  /** Whether the ID has the form of the workflow IDs this API gives. */
  static boolean isApiWorkflowId(String workflowId) {
    return workflowId != null && API_WORKFLOW_ID.matcher(workflowId).matches();
  }

  /**
   * Whether the API started this workflow: its type is the one its ID prefix stands for, and it
   * carries the request memo.
   */
  static boolean startedByApi(WorkflowExecutionDescription description) {
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

  /** How a workflow that did not complete ended, as the API words it. */
  private static String ending(WorkflowException e) {
    // The workflow's own ending is its exception's direct cause; deeper ones are what it called.
    Throwable cause = e.getCause();
    if (cause instanceof CanceledFailure) {
      return "cancelled";
    }
    if (cause instanceof TerminatedFailure) {
      return "terminated";
    }
    if (cause instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE) {
      return "timed out";
    }
    return "failed";
  }

  /** The innermost failure message: what actually went wrong, under the layers that carried it. */
  static String rootMessage(Throwable failure) {
    String message = failure.getMessage();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String candidate =
          cause instanceof TemporalFailure temporalFailure
              ? temporalFailure.getOriginalMessage()
              : cause.getMessage();
      if (candidate != null && !candidate.isBlank()) {
        message = candidate;
      }
    }
    return message;
  }

  /** 422, which {@link Response.Status} lacks in this Jakarta REST version. */
  static final Response.StatusType UNPROCESSABLE_CONTENT = new UnprocessableContent();

  private static final class UnprocessableContent implements Response.StatusType {
    @Override
    public int getStatusCode() {
      return 422;
    }

    @Override
    public Response.Status.Family getFamily() {
      return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
      return "Unprocessable Content";
    }
  }
}
