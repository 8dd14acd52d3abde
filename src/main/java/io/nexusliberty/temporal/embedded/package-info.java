/**
 * The embedded Temporal server, started when no {@code temporal.address} is set: Temporal's own
 * Java test server bound to a loopback port, and the application's patches of it (retention of
 * closed workflows, task order, lock order, log noise). The patches reach private fields of the
 * test server by reflection, so their fragility stays in this room with its tests. It imports
 * {@code temporal.config} (the setting names); only the workers' lifecycle imports it.
 */
package io.nexusliberty.temporal.embedded;
