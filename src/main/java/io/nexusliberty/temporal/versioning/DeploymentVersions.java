package io.nexusliberty.temporal.versioning;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.SettingNames;
import io.nexusliberty.temporal.config.TemporalSettings;
import io.nexusliberty.temporal.connection.TemporalConnection;
import io.nexusliberty.temporal.worker.TemporalLifecycle;
import io.temporal.api.deployment.v1.WorkerDeploymentVersionInfo;
import io.temporal.api.enums.v1.WorkerDeploymentVersionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkerDeploymentVersionRequest;
import io.temporal.api.workflowservice.v1.SetWorkerDeploymentCurrentVersionRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The versions this deployment's workers poll as: once the workers poll, makes them current when
 * {@code temporal.worker.promote} asks it to (a version that was current before, restarted after
 * another replaced it, is left as it is), then asks the server every few seconds what each
 * version's state is (current, draining, drained...) and logs each change, so that an operator
 * knows when an old version has no pinned workflow left and its instances can be stopped.
 */
@ApplicationScoped
public class DeploymentVersions {

  private static final Logger LOG = Logger.getLogger(DeploymentVersions.class.getName());

  /** How often the server is asked for the versions' states. */
  static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  @Inject TemporalLifecycle lifecycle;
  @Inject TemporalSettings settings;

  private final Map<RoleVersion, String> states = new ConcurrentHashMap<>();
  private final Map<RoleVersion, Boolean> promoted = new ConcurrentHashMap<>();
  private ScheduledExecutorService watch;

  /** Starts watching when any role runs versioned; on the embedded server, says why not. */
  void onStartup(@Observes Startup startup) {
    if (settings.versioningIgnored()) {
      LOG.warning(
          () ->
              SettingNames.WORKER_DEPLOYMENT_NAME
                  + " and "
                  + SettingNames.WORKER_BUILD_ID
                  + " are set, but the embedded Temporal test server does not support Worker"
                  + " Deployment Versioning: the workers run unversioned. Set "
                  + SettingNames.ADDRESS
                  + " to a Temporal server (1.28 or later) to version them.");
    }
    if (versions().isEmpty()) {
      return;
    }
    watch =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "temporal-deployment-versions");
              thread.setDaemon(true);
              return thread;
            });
    watch.scheduleWithFixedDelay(this::check, 0, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (watch != null) {
      watch.shutdownNow();
    }
  }

  /** The versions of the roles that run here, one per role that is versioned. */
  public List<RoleVersion> versions() {
    List<RoleVersion> versions = new ArrayList<>();
    for (Role role : Role.values()) {
      if (settings.runs(role)) {
        settings
            .versioning(role)
            .ifPresent(
                versioning ->
                    versions.add(new RoleVersion(role, settings.namespace(role), versioning)));
      }
    }
    return versions;
  }

  /**
   * What each versioned role polls as and what the server last said of it, for {@code
   * /api/connection}: role to "deployment, build, behaviour, state".
   */
  public Map<String, Map<String, String>> describe() {
    Map<String, Map<String, String>> described = new LinkedHashMap<>();
    for (RoleVersion version : versions()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("namespace", version.namespace());
      entry.put("deploymentName", version.versioning().deploymentName());
      entry.put("buildId", version.versioning().buildId());
      entry.put("defaultVersioningBehavior", version.versioning().defaultBehavior().configName());
      entry.put("promoteOnStart", String.valueOf(version.versioning().promote()));
      entry.put("state", states.getOrDefault(version, "unknown"));
      described.put(version.role().configName(), entry);
    }
    return described;
  }

  /** The state the server last reported for a role's version, "unknown" before it answers. */
  public String state(RoleVersion version) {
    return states.getOrDefault(version, "unknown");
  }

  private void check() {
    if (lifecycle.workers() == null) {
      return; // The server registers a version when its workers first poll.
    }
    TemporalConnection connection = lifecycle.connection();
    for (RoleVersion version : versions()) {
      try {
        WorkerDeploymentVersionInfo info = describe(connection, version);
        if (version.versioning().promote() && !promoted.containsKey(version)) {
          if (activatedBefore(info)) {
            skipPromotion(version, info);
          } else {
            promote(connection, version);
            info = describe(connection, version);
          }
        }
        observe(version, info);
      } catch (StatusRuntimeException e) {
        LOG.log(Level.FINE, e, () -> "Could not ask about worker version " + version.describe());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Watching worker version " + version.describe() + " failed", e);
      }
    }
  }

  /** Makes the version current; the server refuses until it has seen the version's pollers. */
  private void promote(TemporalConnection connection, RoleVersion version) {
    try {
      connection
          .workflowService()
          .blockingStub()
          .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .setWorkerDeploymentCurrentVersion(
              SetWorkerDeploymentCurrentVersionRequest.newBuilder()
                  .setNamespace(version.namespace())
                  .setDeploymentName(version.versioning().deploymentName())
                  .setBuildId(version.versioning().buildId())
                  .setIdentity(connection.identity())
                  .build());
      promoted.put(version, true);
      LOG.info(
          () ->
              "Worker version "
                  + version.describe()
                  + " is now current ("
                  + SettingNames.WORKER_PROMOTE
                  + "=true): new workflows of the "
                  + version.role().configName()
                  + " role start on it");
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION) {
        LOG.fine(() -> "Worker version " + version.describe() + " not current yet: " + e);
        return;
      }
      throw e;
    }
  }

  private static WorkerDeploymentVersionInfo describe(
      TemporalConnection connection, RoleVersion version) {
    return connection
        .workflowService()
        .blockingStub()
        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .describeWorkerDeploymentVersion(
            DescribeWorkerDeploymentVersionRequest.newBuilder()
                .setNamespace(version.namespace())
                .setDeploymentVersion(version.proto())
                .build())
        .getWorkerDeploymentVersionInfo();
  }

  /**
   * Whether the version is, or has been, current or ramping: a restarted instance of a replaced
   * release must not take the current version back (a rollback is a release tool's decision).
   */
  private static boolean activatedBefore(WorkerDeploymentVersionInfo info) {
    return info.hasFirstActivationTime()
        || switch (info.getStatus()) {
          case WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT,
                  WORKER_DEPLOYMENT_VERSION_STATUS_RAMPING,
                  WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING,
                  WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED ->
              true;
          default -> false;
        };
  }

  private void skipPromotion(RoleVersion version, WorkerDeploymentVersionInfo info) {
    promoted.put(version, false);
    if (info.getStatus()
        == WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT) {
      return; // Another instance of this release made it current already.
    }
    LOG.warning(
        () ->
            "Worker version "
                + version.describe()
                + " was current before and is "
                + stateName(info.getStatus())
                + " now: "
                + SettingNames.WORKER_PROMOTE
                + "=true does not make it current again on a restart. To roll back to it, run"
                + " `temporal worker deployment set-current-version --namespace "
                + version.namespace()
                + " --deployment-name "
                + version.versioning().deploymentName()
                + " --build-id "
                + version.versioning().buildId()
                + "`");
  }

  private void observe(RoleVersion version, WorkerDeploymentVersionInfo info) {
    String state = stateName(info.getStatus());
    String before = states.put(version, state);
    if (state.equals(before)) {
      return;
    }
    if (info.getStatus()
        == WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED) {
      LOG.info(
          () ->
              "Worker version "
                  + version.describe()
                  + " is drained: no pinned workflow runs on it any more, and another version is"
                  + " current; its instances can be stopped");
    } else if (info.getStatus()
        == WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING) {
      LOG.info(
          () ->
              "Worker version "
                  + version.describe()
                  + " is draining: another version is current, and pinned workflows still run"
                  + " here; keep its instances until the log says it has drained");
    } else if (info.getStatus()
            == WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_INACTIVE
        && !version.versioning().promote()) {
      LOG.info(
          () ->
              "Worker version "
                  + version.describe()
                  + " is inactive: new workflows start on it only once it is current, by `temporal"
                  + " worker deployment set-current-version --namespace "
                  + version.namespace()
                  + " --deployment-name "
                  + version.versioning().deploymentName()
                  + " --build-id "
                  + version.versioning().buildId()
                  + "` or "
                  + SettingNames.WORKER_PROMOTE
                  + "=true");
    } else {
      LOG.info(() -> "Worker version " + version.describe() + " is " + state);
    }
  }

  /** "current", "draining", "drained", "inactive", "ramping", "created". */
  static String stateName(WorkerDeploymentVersionStatus status) {
    return status.name().replace("WORKER_DEPLOYMENT_VERSION_STATUS_", "").toLowerCase(Locale.ROOT);
  }
}
