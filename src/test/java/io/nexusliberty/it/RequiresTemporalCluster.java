package io.nexusliberty.it;

/**
 * Runs a test class only where a Temporal cluster can be built here: Temporal's server and SQL tool
 * ({@link TemporalCluster#home()}) and PostgreSQL ({@link TestPostgres#binaries()}).
 */
class RequiresTemporalCluster extends RequiresTool {

  static final String HOW_TO =
      "Cluster tests skipped: they need PostgreSQL (Debian's postgresql, or PG_BIN) and Temporal's"
          + " server and SQL tool "
          + TemporalCluster.VERSION
          + " with its PostgreSQL schemas in TEMPORAL_SERVER_HOME or"
          + " ~/.cache/nexus-liberty/temporal-server-"
          + TemporalCluster.VERSION
          + " (bash .ci/run builds them), then run mvn verify again.";

  @Override
  boolean available() {
    return TemporalCluster.home().isPresent() && TestPostgres.binaries().isPresent();
  }

  @Override
  String howTo() {
    return HOW_TO;
  }
}
