package io.nexusliberty.it;

import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;

/**
 * Which real Temporal server the real-server suites run against: {@code temporal server start-dev}
 * by default, the cluster of separate services on PostgreSQL when the system property {@code
 * it.temporal} is {@code cluster} (the {@code cluster} run of {@code mvn verify} sets it).
 */
final class RealTemporals {

  private static RealTemporal sharedCluster;

  private RealTemporals() {}

  /** Whether this run's real server is the cluster. */
  static boolean cluster() {
    return "cluster".equals(System.getProperty("it.temporal", "dev"));
  }

  /**
   * One server with the two namespaces of the sample, shared by the tests of this run and stopped
   * when the test JVM exits.
   */
  static synchronized RealTemporal shared() {
    if (!cluster()) {
      return TemporalDevServer.shared();
    }
    if (sharedCluster == null) {
      sharedCluster =
          TemporalCluster.start(
              List.of(TemporalDevServer.CALLER_NAMESPACE, TemporalDevServer.HANDLER_NAMESPACE));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(sharedCluster::close, "stop-temporal-cluster"));
    }
    return sharedCluster;
  }

  /**
   * A server for one suite that stops and starts what runs against it: on the dev server one of its
   * own; on the cluster, whose start takes longer, the shared one (closing it then does nothing).
   */
  static RealTemporal forSuite(List<String> namespaces) {
    if (!cluster()) {
      return TemporalDevServer.start(namespaces);
    }
    RealTemporal shared = shared();
    return new RealTemporal() {
      @Override
      public String address() {
        return shared.address();
      }

      @Override
      public WorkflowServiceStubs workflowService() {
        return shared.workflowService();
      }

      @Override
      public OperatorServiceStubs operatorService() {
        return shared.operatorService();
      }

      @Override
      public void close() {}
    };
  }

  /** A server of its own with these namespaces; the caller closes it. */
  static RealTemporal start(List<String> namespaces) {
    return cluster() ? TemporalCluster.start(namespaces) : TemporalDevServer.start(namespaces);
  }
}
