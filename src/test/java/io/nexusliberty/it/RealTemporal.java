package io.nexusliberty.it;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * A real Temporal server that tests run the application against: {@code temporal server start-dev}
 * ({@link TemporalDevServer}) or a cluster of separate services on PostgreSQL ({@link
 * TemporalCluster}).
 */
interface RealTemporal extends AutoCloseable {

  /** The frontend's gRPC address, as the application's {@code temporal.address} takes it. */
  String address();

  WorkflowServiceStubs workflowService();

  OperatorServiceStubs operatorService();

  default WorkflowClient client(String namespace) {
    return WorkflowClient.newInstance(
        workflowService(), WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  @Override
  void close();
}
