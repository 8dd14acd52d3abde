/**
 * Reading settings from MicroProfile Config, for every room that has some: typed values (strings,
 * booleans, choices, ports, durations, readable files), the error that names the property and its
 * environment variable, and the singleton bean that offers settings read while the application
 * deploys (an invalid one stops the deployment). It imports nothing of the application; {@code
 * temporal.config} and {@code api.settings} import it.
 */
package io.nexusliberty.settings;
