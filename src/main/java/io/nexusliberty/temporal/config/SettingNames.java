package io.nexusliberty.temporal.config;

/**
 * The names of the Temporal settings, as MicroProfile Config reads them (server.xml variables, the
 * environment in upper case, system properties). Per-role worker settings are named by {@link
 * WorkerTuning#property}.
 */
public final class SettingNames {

  public static final String CONFIG_FILE = "temporal.config-file";
  public static final String PROFILE = "temporal.profile";
  public static final String ADDRESS = "temporal.address";
  public static final String API_KEY = "temporal.api-key";
  public static final String TLS = "temporal.tls";
  public static final String TLS_CLIENT_CERT_PATH = "temporal.tls.client-cert-path";
  public static final String TLS_CLIENT_CERT_DATA = "temporal.tls.client-cert-data";
  public static final String TLS_CLIENT_KEY_PATH = "temporal.tls.client-key-path";
  public static final String TLS_CLIENT_KEY_DATA = "temporal.tls.client-key-data";
  public static final String TLS_SERVER_CA_CERT_PATH = "temporal.tls.server-ca-cert-path";
  public static final String TLS_SERVER_CA_CERT_DATA = "temporal.tls.server-ca-cert-data";
  public static final String TLS_SERVER_NAME = "temporal.tls.server-name";
  public static final String TLS_DISABLE_HOST_VERIFICATION =
      "temporal.tls.disable-host-verification";
  public static final String CALLER_NAMESPACE = "temporal.caller.namespace";
  public static final String CALLER_TASK_QUEUE = "temporal.caller.task-queue";
  public static final String CALLER_EAGER_START = "temporal.caller.eager-start";
  public static final String HANDLER_NAMESPACE = "temporal.handler.namespace";
  public static final String HANDLER_TASK_QUEUE = "temporal.handler.task-queue";
  public static final String NEXUS_ENDPOINT = "temporal.nexus.endpoint";
  public static final String NEXUS_OPERATION_TIMEOUT = "temporal.nexus.operation-timeout";
  public static final String NEXUS_SERVICE_ENDPOINTS = "temporal.nexus.service-endpoints";
  public static final String WORKERS = "temporal.workers";
  public static final String WORKER_IDENTITY = "temporal.worker.identity";
  public static final String WORKFLOW_CACHE_SIZE = "temporal.worker.workflow-cache-size";
  public static final String MAX_WORKFLOW_THREADS = "temporal.worker.max-workflow-threads";
  public static final String WORKER_DEPLOYMENT_NAME = "temporal.worker.deployment-name";
  public static final String WORKER_BUILD_ID = "temporal.worker.build-id";
  public static final String WORKER_VERSIONING_BEHAVIOR = "temporal.worker.versioning-behavior";
  public static final String WORKER_PROMOTE = "temporal.worker.promote";
  public static final String PROVISION = "temporal.provision";
  public static final String EMBEDDED_PORT = "temporal.embedded.port";
  public static final String EMBEDDED_MAX_CLOSED_WORKFLOWS =
      "temporal.embedded.max-closed-workflows";
  public static final String SHUTDOWN_TIMEOUT = "temporal.shutdown-timeout";
  public static final String STUCK_TASK_TIMEOUT = "temporal.stuck-task-timeout";

  private SettingNames() {}
}
