package io.nexusliberty.temporal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.uber.m3.tally.NoopScope;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.config.WarDefaults;
import io.nexusliberty.temporal.connection.ConnectionSpec;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.connection.TemporalTracing;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server serves this JVM by an in-process channel and other processes by its port, one
 * server behind both: what one side starts, the other runs and reads.
 */
class EmbeddedServerChannelsTest {

  private static final String NAMESPACE = "default";
  private static final String TASK_QUEUE = "channels-test";

  /** A workflow that answers at once. */
  @WorkflowInterface
  public interface Greeting {
    @WorkflowMethod
    String greet(String name);
  }

  /** Its implementation. */
  public static class GreetingImpl implements Greeting {
    @Override
    public String greet(String name) {
      return "Hello " + name;
    }
  }

  private EmbeddedTemporalServer server;
  private TemporalConnection inProcess;
  private TemporalConnection overPort;

  @BeforeEach
  void start() {
    server = EmbeddedTemporalServer.start(0, 100);
    inProcess = TemporalConnection.open(spec(server.inProcessName()));
    overPort = TemporalConnection.open(spec(null));
  }

  @AfterEach
  void stop() {
    overPort.close();
    inProcess.close();
    server.close();
  }

  private ConnectionSpec spec(String inProcessServer) {
    Map<String, String> defaults = WarDefaults.load();
    TemporalSettings settings =
        TemporalSettings.load(name -> Optional.ofNullable(defaults.get(name)));
    return new ConnectionSpec(
        server.target(),
        "channels-test",
        settings.tls(),
        Map.of(),
        new NoopScope(),
        TemporalTracing.OFF,
        DefaultDataConverter.STANDARD_INSTANCE,
        inProcessServer);
  }

  @Test
  void theInProcessChannelReachesTheServerByNameNotByPort() {
    String inProcessChannel = inProcess.workflowService().getRawChannel().toString();
    assertTrue(
        inProcessChannel.contains("directaddress:///" + server.inProcessName() + "}"),
        inProcessChannel);
    assertEquals(server.target(), overPort.workflowService().getRawChannel().authority());
    assertTrue(inProcess.systemInfo(Duration.ofSeconds(5)).hasCapabilities());
    assertTrue(inProcess.connected(), "connected once it has answered");
  }

  @Test
  void aWorkflowStartedOverThePortRunsOnAWorkerInProcessAndBack() throws Exception {
    WorkerFactory inProcessWorkers = WorkerFactory.newInstance(inProcess.client(NAMESPACE));
    inProcessWorkers.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(GreetingImpl.class);
    inProcessWorkers.start();
    try {
      for (TemporalConnection starter : new TemporalConnection[] {overPort, inProcess}) {
        Greeting greeting =
            starter
                .client(NAMESPACE)
                .newWorkflowStub(
                    Greeting.class, WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build());
        var execution = WorkflowClient.start(greeting::greet, "Ada");
        // The result read over the other way in: the same server behind both.
        TemporalConnection reader = starter == overPort ? inProcess : overPort;
        String result =
            reader
                .client(NAMESPACE)
                .newUntypedWorkflowStub(execution.getWorkflowId())
                .getResultAsync(String.class)
                .get(10, TimeUnit.SECONDS);
        assertEquals("Hello Ada", result);
      }
    } finally {
      inProcessWorkers.shutdownNow();
      inProcessWorkers.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
