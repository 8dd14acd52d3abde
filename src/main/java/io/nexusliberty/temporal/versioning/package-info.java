/**
 * Worker Deployment Versioning at run time: which version each role's workers poll as, making it
 * current when configured to, and watching it until it is drained, so that an operator knows when
 * an old version's instances can go. It imports {@code temporal.config}, {@code
 * temporal.connection} and {@code temporal.worker}; health and the API import it.
 */
package io.nexusliberty.temporal.versioning;
