package io.nexusliberty.temporal.versioning;

import io.nexusliberty.temporal.Role;
import io.nexusliberty.temporal.config.WorkerVersioning;
import io.temporal.api.deployment.v1.WorkerDeploymentVersion;

/** The version one role's workers poll as, in the namespace where they poll. */
public record RoleVersion(Role role, String namespace, WorkerVersioning versioning) {

  /** The version as the server's API names it. */
  WorkerDeploymentVersion proto() {
    return WorkerDeploymentVersion.newBuilder()
        .setDeploymentName(versioning.deploymentName())
        .setBuildId(versioning.buildId())
        .build();
  }

  /** "hello-handler/2.1.0 in namespace my-target-namespace". */
  public String describe() {
    return versioning.deploymentName() + "/" + versioning.buildId() + " in namespace " + namespace;
  }
}
