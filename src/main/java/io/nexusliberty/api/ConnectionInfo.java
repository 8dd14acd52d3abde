package io.nexusliberty.api;

import io.nexusliberty.temporal.config.WorkerTuning;
import java.util.List;
import java.util.Map;

/**
 * What this deployment is connected to and runs, for operators and the web page. {@code
 * workerVersioning} has an entry per versioned role (deployment name, build ID, default behaviour,
 * whether it is made current on start, and its state as the server last reported it); none while
 * the workers are unversioned.
 */
public record ConnectionInfo(
    boolean embedded,
    String target,
    String security,
    String clientProfile,
    List<String> grpcMetadata,
    String tracing,
    List<String> roles,
    boolean workersStarted,
    String callerNamespace,
    String callerTaskQueue,
    String handlerNamespace,
    String handlerTaskQueue,
    String nexusEndpoint,
    String operationTimeout,
    String shutdownTimeout,
    String workerIdentity,
    int workflowCacheSize,
    int maxWorkflowThreads,
    Map<String, WorkerTuning> workerTuning,
    Map<String, Map<String, String>> workerVersioning) {}
