package io.nexusliberty.api.problem;

import io.nexusliberty.temporal.health.TemporalFailures;
import io.nexusliberty.temporal.health.TemporalPreconditions;
import io.nexusliberty.temporal.health.TemporalUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The API's answers when Temporal cannot serve a call: 503 saying why and what to set. */
@ApplicationScoped
public class TemporalProblems {

  @Inject TemporalPreconditions preconditions;
  @Inject TemporalFailures failures;

  /**
   * Returns when a caller workflow can be started now.
   *
   * @throws ApiProblem 503 when the server does not answer or the endpoint is missing
   */
  public void requireReady() {
    try {
      preconditions.requireReachable();
      preconditions.requireNexusEndpoint();
    } catch (TemporalUnavailableException e) {
      throw ApiProblem.temporalUnavailable(e.getMessage());
    }
  }

  /**
   * The answer to a call to Temporal that failed: 503 saying why when the server did not serve it;
   * otherwise the failure is not the client's, nor the server's absence, and stays unexpected.
   */
  public ApiProblem temporalFailure(RuntimeException e, String workflowId) {
    if (!failures.serverFailed(e)) {
      throw e;
    }
    return ApiProblem.temporalUnavailable(failures.explain(e)).with("workflowId", workflowId);
  }
}
