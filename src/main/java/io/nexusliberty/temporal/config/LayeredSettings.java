package io.nexusliberty.temporal.config;

import io.nexusliberty.temporal.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The value of each setting, from the first source that gives one: the application's own
 * configuration (server.xml, environment, system properties), then Temporal's client profile, then
 * the defaults the WAR carries. A certificate or key set in the configuration, as a file or inline,
 * hides both forms in the profile.
 */
final class LayeredSettings implements Function<String, Optional<String>> {

  /** Settings that say one thing two ways: setting either in the configuration hides both. */
  private static final List<List<String>> ALTERNATIVES =
      List.of(
          List.of(SettingNames.TLS_CLIENT_CERT_PATH, SettingNames.TLS_CLIENT_CERT_DATA),
          List.of(SettingNames.TLS_CLIENT_KEY_PATH, SettingNames.TLS_CLIENT_KEY_DATA),
          List.of(SettingNames.TLS_SERVER_CA_CERT_PATH, SettingNames.TLS_SERVER_CA_CERT_DATA));

  private final Function<String, Optional<String>> configured;
  private final Function<String, Optional<String>> defaults;
  private final ClientProfile profile;
  private final Set<String> fromProfile = new HashSet<>();

  /**
   * @param configured a setting's value where the deployment sets it, empty where only the WAR's
   *     default would give one
   * @param defaults a setting's value from the WAR's defaults
   */
  LayeredSettings(
      Function<String, Optional<String>> configured,
      Function<String, Optional<String>> defaults,
      ClientProfile profile) {
    this.configured = configured;
    this.defaults = defaults;
    this.profile = profile;
  }

  @Override
  public Optional<String> apply(String property) {
    Optional<String> value = present(configured.apply(property));
    if (value.isPresent()) {
      return value;
    }
    Optional<String> offered = offeredByProfile(property);
    if (offered.isPresent()) {
      fromProfile.add(property);
      return offered;
    }
    return defaults.apply(property);
  }

  /** Whether a setting's value so far came from the client profile. */
  boolean fromProfile(String property) {
    return fromProfile.contains(property);
  }

  private Optional<String> offeredByProfile(String property) {
    for (List<String> alternatives : ALTERNATIVES) {
      if (alternatives.contains(property)
          && alternatives.stream().anyMatch(name -> present(configured.apply(name)).isPresent())) {
        return Optional.empty();
      }
    }
    if (property.equals(SettingNames.CALLER_NAMESPACE)
        || property.equals(SettingNames.HANDLER_NAMESPACE)) {
      return profile.namespace().filter(namespace -> namespaceOf(property));
    }
    return profile.value(property);
  }

  /**
   * The profile's namespace is the caller's, where the API starts workflows; in a deployment that
   * runs only the handler role, it is the handler's.
   */
  private boolean namespaceOf(String property) {
    Set<Role> roles = apply(SettingNames.WORKERS).map(SettingFormats::readRoles).orElse(Set.of());
    Role role = roles.contains(Role.CALLER) || roles.isEmpty() ? Role.CALLER : Role.HANDLER;
    return property.equals(
        role == Role.CALLER ? SettingNames.CALLER_NAMESPACE : SettingNames.HANDLER_NAMESPACE);
  }

  private static Optional<String> present(Optional<String> value) {
    return value.filter(text -> !text.isBlank());
  }
}
