/**
 * The gRPC connection to the Temporal frontend: the service stubs on the application's own event
 * loop, TLS and headers, one client per namespace, the questions asked of the server directly
 * (system info, a Nexus endpoint, a missing workflow), its reconnects followed, tracing, and what a
 * failed call means. It imports {@code temporal.config}; the workers, the Nexus endpoint check and
 * health import it.
 */
package io.nexusliberty.temporal.connection;
