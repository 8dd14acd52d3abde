package io.nexusliberty.it;

/** Runs a test class only where the Temporal CLI is available, to start a real server. */
class RequiresTemporalCli extends RequiresTool {

  static final String HOW_TO =
      "Real-server tests skipped: the Temporal CLI was not found. Put 'temporal' on the PATH or set"
          + " TEMPORAL_CLI to it (go install github.com/temporalio/cli/cmd/temporal@v1.5.1), then"
          + " run mvn verify again.";

  @Override
  boolean available() {
    return TemporalDevServer.cli().isPresent();
  }

  @Override
  String howTo() {
    return HOW_TO;
  }
}
