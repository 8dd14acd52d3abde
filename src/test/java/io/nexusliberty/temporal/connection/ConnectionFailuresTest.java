package io.nexusliberty.temporal.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

  private static StatusRuntimeException unavailable(String description) {
    return Status.UNAVAILABLE.withDescription(description).asRuntimeException();
  }

  @Test
  void aClusterWithoutHostsForAServiceIsAMissingService() {
    StatusRuntimeException failure = unavailable("Not enough hosts to serve the request");

    assertTrue(ConnectionFailures.serviceMissing(failure));
    assertTrue(
        ConnectionFailures.describe("127.0.0.1:7233", failure).contains("answers, but a service"),
        ConnectionFailures.describe("127.0.0.1:7233", failure));
  }

  @Test
  void aFrontendThatCannotDialAServiceItListsIsAMissingService() {
    // What a cluster's frontend answered while matching, still in its membership, was killed.
    StatusRuntimeException failure =
        unavailable(
            "connection error: desc = \"transport: Error while dialing: dial tcp"
                + " 127.0.0.1:20351: connect: connection refused\"");

    assertTrue(ConnectionFailures.serviceMissing(failure));
  }

  @Test
  void aFrontendThisClientCannotReachIsNotAMissingService() {
    assertFalse(ConnectionFailures.serviceMissing(unavailable("io exception")));
    assertFalse(
        ConnectionFailures.serviceMissing(
            Status.DEADLINE_EXCEEDED
                .withDescription("Error while dialing, but not unavailable")
                .asRuntimeException()));
  }
}
