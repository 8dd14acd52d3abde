/**
 * The HTTP API's settings ({@code api.*}, {@code http.host}, {@code mp.jwt.verify.*}), read once
 * while the application deploys: how long a call waits for its workflow, and who may call the API
 * under which names ({@link io.nexusliberty.api.settings.ApiAccess}). It imports {@code
 * temporal.config} (the setting reader and its errors); the resources and {@code web} import it.
 */
package io.nexusliberty.api.settings;
