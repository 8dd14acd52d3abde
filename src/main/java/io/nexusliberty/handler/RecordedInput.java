package io.nexusliberty.handler;

import io.nexusliberty.service.HelloInput;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import java.util.Optional;

/**
 * The exact input a handler workflow run was started with: the memo this handler records, or, for a
 * run another implementation started (the Go sample's handler on the same task queue during a
 * migration), the input of its first history event, when it is a {@link HelloHandlerWorkflow} run.
 */
final class RecordedInput {

  /** The workflow type both implementations run: {@code HelloHandlerWorkflow}. */
  private static final String WORKFLOW_TYPE =
      POJOWorkflowInterfaceMetadata.newInstance(HelloHandlerWorkflow.class)
          .getWorkflowMethod()
          .orElseThrow()
          .getName();

  private RecordedInput() {}

  /** The run's input, or empty when it is not a greeting's run or its input cannot be read. */
  static Optional<HelloInput> of(WorkflowClient client, WorkflowExecutionDescription run) {
    HelloInput memo = run.getMemo(SayHelloOperation.INPUT_MEMO, HelloInput.class, HelloInput.class);
    if (memo != null) {
      return Optional.of(memo);
    }
    if (!WORKFLOW_TYPE.equals(run.getWorkflowType())) {
      return Optional.empty();
    }
    History first =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(run.getExecution())
                    .setMaximumPageSize(1)
                    .build())
            .getHistory();
    if (first.getEventsCount() == 0
        || !first.getEvents(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    WorkflowExecutionStartedEventAttributes started =
        first.getEvents(0).getWorkflowExecutionStartedEventAttributes();
    Payloads input = started.getInput();
    if (input.getPayloadsCount() != 1) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(0, Optional.of(input), HelloInput.class, HelloInput.class));
    } catch (DataConverterException notAGreetingsInput) {
      return Optional.empty();
    }
  }
}
