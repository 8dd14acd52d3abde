/**
 * The workers and their life: the entry point ({@link
 * io.nexusliberty.temporal.worker.TemporalLifecycle}, started when the application starts), the
 * discovery of the workflows and Nexus services marked {@code @RunsOn}, their placement on
 * namespaces and task queues, the worker factories, start-up while the server is away, the watch on
 * running tasks and the drain at shutdown. It imports {@code temporal.config}, {@code
 * temporal.connection}, {@code temporal.nexus} and {@code temporal.embedded}; health and the API
 * import it.
 */
package io.nexusliberty.temporal.worker;
