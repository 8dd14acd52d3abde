package io.nexusliberty.api.workflow;

import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.problem.UnexpectedErrorMapper;
import io.nexusliberty.temporal.health.TemporalUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs an API call: reads its {@code wait} parameter and {@code Idempotency-Key} header, starts its
 * caller workflow, then answers with the result or at once with where to follow it.
 */
@ApplicationScoped
public class CallerWorkflowRunner {

  @Inject CallerWorkflowStarter starter;
  @Inject WorkflowResults results;

  /**
   * Runs a validated request: answers 200 with the result, or with {@code ?wait=false} 202 at once
   * with where to follow the workflow. Waiting holds no thread: the answer is completed when the
   * result arrives.
   */
  public CompletionStage<Response> call(CallerRequest request, CallOptions options) {
    List<String> waits = options.waits;
    List<String> idempotencyKeys = options.idempotencyKeys;
    boolean waitForResult = waitParameter(single("wait", "query parameter", waits));
    StartedWorkflow workflow =
        starter.start(
            request, single("Idempotency-Key", "header", idempotencyKeys), options.caller());
    if (waitForResult) {
      return results
          .result(workflow)
          .thenApply(result -> Response.ok(result).build())
          .exceptionally(CallerWorkflowRunner::answerTo);
    }
    // A path, not a URL: built from the request's Host header, a URL would point wherever the
    // client said it was.
    return CompletableFuture.completedFuture(
        Response.accepted(new WorkflowAccepted(workflow.workflowId(), workflow.runId(), "running"))
            .header(HttpHeaders.LOCATION, options.basePath() + "workflows/" + workflow.workflowId())
            .build());
  }

  /**
   * The answer to a call that ended without a result: its problem document, answered here because
   * JAX-RS maps only what a resource method throws, not how its stage completes; and, for a call
   * answered without JAX-RS, to what its start threw, as JAX-RS's exception mappers answer it.
   */
  public static Response answerTo(Throwable failure) {
    Throwable cause = WorkflowResults.unwrapped(failure);
    if (cause instanceof TemporalUnavailableException unavailable) {
      return ProblemResponses.of(ApiProblem.temporalUnavailable(unavailable));
    }
    return cause instanceof ApiProblem problem
        ? ProblemResponses.of(problem)
        : UnexpectedErrorMapper.incident(cause);
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
}
