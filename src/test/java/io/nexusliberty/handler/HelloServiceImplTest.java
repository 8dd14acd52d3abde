package io.nexusliberty.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.nexusliberty.caller.EchoCallerWorkflowImpl;
import io.nexusliberty.caller.HelloCallerWorkflow;
import io.nexusliberty.caller.HelloCallerWorkflowImpl;
import io.nexusliberty.service.HelloInput;
import io.nexusrpc.handler.HandlerException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.NexusOperationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Nexus operations end to end through the caller workflows, on Temporal's test server. */
class HelloServiceImplTest {

  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL =
      TestWorkflowExtension.newBuilder()
          // Registering a Nexus service makes the extension create an endpoint for it and point
          // the caller workflows at it.
          .setNexusServiceImplementation(new HelloServiceImpl())
          .registerWorkflowImplementationTypes(
              HelloHandlerWorkflowImpl.class,
              EchoCallerWorkflowImpl.class,
              HelloCallerWorkflowImpl.class)
          .build();

  @Test
  void echoReturnsTheMessage(EchoCallerWorkflow workflow) {
    assertEquals("Nexus Echo 👋", workflow.echo("Nexus Echo 👋"), "echo must return its input");
  }

  @ParameterizedTest
  @CsvSource({
    "en, Hello Nexus 👋",
    "fr, Bonjour Nexus 👋",
    "de, Hallo Nexus 👋",
    "es, ¡Hola! Nexus 👋",
    "tr, Merhaba Nexus 👋"
  })
  void sayHelloGreetsInEachLanguage(
      String language, String greeting, HelloCallerWorkflow workflow) {
    assertEquals(greeting, workflow.hello("Nexus", language), "greeting for " + language);
  }

  @Test
  void sayHelloRunsTheHandlerWorkflowUnderItsBusinessId(
      TestWorkflowEnvironment environment, WorkflowClient client, WorkflowOptions options) {
    HelloCallerWorkflow workflow = client.newWorkflowStub(HelloCallerWorkflow.class, options);

    workflow.hello("  Ada Lovelace ", "fr");

    DescribeWorkflowExecutionResponse handler =
        environment
            .getWorkflowClient()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(environment.getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder().setWorkflowId("hello-fr-ada-lovelace"))
                    .build());
    assertEquals(
        "HelloHandlerWorkflow",
        handler.getWorkflowExecutionInfo().getType().getName(),
        "workflow type of hello-fr-ada-lovelace");
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
        handler.getWorkflowExecutionInfo().getStatus(),
        "status of hello-fr-ada-lovelace");
  }

  @Test
  void namesSharingTheBusinessIdEachGetTheirOwnGreeting(
      TestWorkflowEnvironment environment, WorkflowClient client, WorkflowOptions options) {
    String[] names = {"Ada", "ada", " ada ", "ADA", "Ada"};
    for (String name : names) {
      HelloCallerWorkflow workflow =
          client.newWorkflowStub(
              HelloCallerWorkflow.class,
              WorkflowOptions.newBuilder(options)
                  .setWorkflowId("caller-" + UUID.randomUUID())
                  .build());
      assertEquals("Hello " + name + " 👋", workflow.hello(name, "en"), "greeting of " + name);
    }

    // The first name took the Go sample's ID; it keeps it for its later calls, and the others
    // run under IDs derived from their exact names.
    assertEquals(
        new HelloInput("Ada", "en"),
        memoInput(environment, "hello-en-ada"),
        "input recorded by the run of hello-en-ada");
    for (String name : List.of("ada", " ada ", "ADA")) {
      String derivedId = SayHelloOperation.candidateIds(new HelloInput(name, "en")).get(1);
      assertEquals(
          new HelloInput(name, "en"),
          memoInput(environment, derivedId),
          "input recorded by the run of " + derivedId);
    }
  }

  private static HelloInput memoInput(TestWorkflowEnvironment environment, String workflowId) {
    return environment
        .getWorkflowClient()
        .newUntypedWorkflowStub(workflowId)
        .describe()
        .getMemo(SayHelloOperation.INPUT_MEMO, HelloInput.class, HelloInput.class);
  }

  @Test
  void unsupportedLanguageIsRefusedAsTheCallersFaultNamingIt(HelloCallerWorkflow workflow) {
    WorkflowFailedException failure =
        assertThrows(WorkflowFailedException.class, () -> workflow.hello("Nexus", "xx"));

    NexusOperationFailure operation =
        assertInstanceOf(NexusOperationFailure.class, failure.getCause());
    HandlerException handler = assertInstanceOf(HandlerException.class, operation.getCause());
    assertEquals(HandlerException.ErrorType.BAD_REQUEST, handler.getErrorType());
    assertEquals(
        HandlerException.RetryBehavior.NON_RETRYABLE,
        handler.getRetryBehavior(),
        "an unsupported language must not be retried");
    assertEquals(
        "Bad input to my-hello-service/say-hello: unsupported language \"xx\"; expected"
            + " json/plain {\"Name\": \"...\", \"Language\": \"en|fr|de|es|tr\"}",
        handler.getMessage());
  }
}
