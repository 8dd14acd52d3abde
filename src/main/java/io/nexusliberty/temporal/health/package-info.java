/**
 * Whether Temporal is OK for this deployment, and the answers when it is not: the MicroProfile
 * Health checks (started, live, ready), the preconditions of starting a caller workflow (the server
 * answers, the Nexus endpoint exists), and what a failed call to the server means. It imports
 * {@code temporal.config}, {@code temporal.connection} and {@code temporal.worker}; the API's
 * problem answers import it.
 */
package io.nexusliberty.temporal.health;
