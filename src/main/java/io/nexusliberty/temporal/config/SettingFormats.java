package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats of the settings that are more than a plain value: addresses, endpoint names, roles,
 * and service endpoints, each error naming the property.
 */
final class SettingFormats {

  private static final Pattern ADDRESS_FORMAT =
      Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[^:/\\s]+):(\\d{1,5})$");

  private SettingFormats() {}

  static Set<Role> readRoles(String value) {
    if (value.strip().equalsIgnoreCase("none")) {
      return Set.of();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : value.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      Role role =
          Arrays.stream(Role.values())
              .filter(candidate -> candidate.configName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidSettingException(
                          SettingNames.WORKERS,
                          "unknown role \""
                              + part.strip()
                              + "\": use a comma-separated list of caller and handler, or none"));
      roles.add(role);
    }
    return Set.copyOf(roles);
  }

  static String validAddress(String property, String value) {
    Matcher matcher = ADDRESS_FORMAT.matcher(value);
    if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65535) {
      throw new InvalidSettingException(
          property, "\"" + value + "\" is not host:port (for example localhost:7233)");
    }
    return value;
  }

  static Map<String, String> readServiceEndpoints(String value) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String service = equals < 0 ? "" : entry.substring(0, equals).strip();
      if (service.isEmpty()) {
        throw new InvalidSettingException(
            SettingNames.NEXUS_SERVICE_ENDPOINTS,
            "\""
                + entry.strip()
                + "\" is not service=endpoint: use a comma-separated list such as"
                + " my-hello-service=my-endpoint");
      }
      endpoints.put(
          service,
          validEndpointName(
              SettingNames.NEXUS_SERVICE_ENDPOINTS, entry.substring(equals + 1).strip()));
    }
    return Map.copyOf(endpoints);
  }

  static String validEndpointName(String property, String value) {
    // Temporal accepts endpoint names of letters, digits, '-' and '_', starting with a letter.
    if (!value.matches("[A-Za-z][A-Za-z0-9_-]{0,199}")) {
      throw new InvalidSettingException(
          property,
          "\""
              + value
              + "\" is not a valid endpoint name: letters, digits, '-' and '_', starting with a"
              + " letter");
    }
    return value;
  }

  /** Reads single properties and reports the property at fault. */
}
