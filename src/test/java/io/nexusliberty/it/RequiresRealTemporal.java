package io.nexusliberty.it;

/**
 * Runs a test class only where this run's real Temporal server can start: the Temporal CLI, or for
 * the cluster run ({@link RealTemporals#cluster()}) PostgreSQL and Temporal's server.
 */
class RequiresRealTemporal extends RequiresTool {

  @Override
  boolean available() {
    return RealTemporals.cluster()
        ? new RequiresTemporalCluster().available()
        : new RequiresTemporalCli().available();
  }

  @Override
  String howTo() {
    return RealTemporals.cluster() ? RequiresTemporalCluster.HOW_TO : RequiresTemporalCli.HOW_TO;
  }
}
