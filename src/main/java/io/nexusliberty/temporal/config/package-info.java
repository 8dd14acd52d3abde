/**
 * The Temporal settings, read once while the application deploys and validated as a whole: their
 * names ({@link io.nexusliberty.temporal.config.SettingNames}), the typed, grouped values ({@link
 * io.nexusliberty.temporal.config.TemporalSettings}: connection and TLS, per-role worker tuning,
 * Nexus, the embedded server), Temporal's client configuration ({@code temporal.toml}, {@code
 * TEMPORAL_*}) layered between the deployment's values and the WAR's defaults, and the errors that
 * name the property to fix. It imports only the face of {@code temporal} ({@code Role}); every
 * other room imports it.
 */
package io.nexusliberty.temporal.config;
