/**
 * The application's one metrics registry (Prometheus): the Temporal SDK's metrics through its
 * Micrometer bridge, the JVM's, and the HTTP API's. It imports nothing of the application; the
 * workers, the API and {@code /metrics} import it.
 */
package io.nexusliberty.metrics;
