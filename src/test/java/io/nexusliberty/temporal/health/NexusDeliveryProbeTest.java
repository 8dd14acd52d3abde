package io.nexusliberty.temporal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nexusliberty.caller.EchoCallerWorkflow;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import org.junit.jupiter.api.Test;

class NexusDeliveryProbeTest {

  @Test
  void theProbeStartsTheCallersEchoWorkflowByItsTypeName() {
    assertEquals(
        POJOWorkflowInterfaceMetadata.newInstance(EchoCallerWorkflow.class)
            .getWorkflowMethod()
            .orElseThrow()
            .getName(),
        NexusDeliveryProbe.ECHO_WORKFLOW_TYPE);
  }
}
