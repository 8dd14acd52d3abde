package io.nexusliberty.api.settings;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.settings.SettingsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The HTTP API's settings, read from MicroProfile Config and validated as a whole: how long a call
 * waits for its workflow, and who may call the API under which names. Defaults live in the WAR
 * ({@code META-INF/microprofile-config.properties}), not here.
 */
public final class ApiSettings {

  public static final String API_WAIT_TIMEOUT = "api.wait-timeout";
  public static final String API_ALLOWED_ORIGINS = "api.allowed-origins";
  public static final String API_AUTH_REQUIRED = "api.auth-required";
  public static final String API_ALLOW_ANONYMOUS = "api.allow-anonymous";
  public static final String API_PUBLIC_ORIGINS = "api.public-origins";
  public static final String API_TRUSTED_PROXIES = "api.trusted-proxies";
  public static final String HTTP_HOST = "http.host";
  public static final String JWT_PUBLIC_KEY = "mp.jwt.verify.publickey";
  public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  public static final String JWT_ISSUER = "mp.jwt.verify.issuer";
  public static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";

  private static final Pattern ORIGIN = Pattern.compile("^https?://[^/\\s?#@]+$");

  private final Duration waitTimeout;
  private final ApiAccess access;

  private ApiSettings(SettingsReader reader) {
    waitTimeout = reader.duration(API_WAIT_TIMEOUT);
    access = readAccess(reader);
  }

  /**
   * Reads and validates the API's settings.
   *
   * @param lookup the value of a property, empty when it is not set
   * @throws InvalidSettingException naming the first property that is missing, malformed or
   *     inconsistent with another
   */
  public static ApiSettings load(Function<String, Optional<String>> lookup) {
    return new ApiSettings(new SettingsReader(lookup));
  }

  /** How long an API call waits for its workflow's result before answering 504. */
  public Duration waitTimeout() {
    return waitTimeout;
  }

  /** Who may call the HTTP API, and under which names it is reached. */
  public ApiAccess access() {
    return access;
  }

  private static ApiAccess readAccess(SettingsReader reader) {
    String keySetting =
        reader.optional(JWT_PUBLIC_KEY).isPresent()
            ? JWT_PUBLIC_KEY
            : reader.optional(JWT_PUBLIC_KEY_LOCATION).isPresent() ? JWT_PUBLIC_KEY_LOCATION : null;
    if (keySetting != null && reader.optional(JWT_ISSUER).isEmpty()) {
      throw new InvalidSettingException(
          JWT_ISSUER,
          "not set, but "
              + keySetting
              + " is: tokens are accepted only from the issuer named here, the identity"
              + " provider's iss (such as https://login.example.com/realms/acme)");
    }
    ApiAccess.Authentication authentication =
        keySetting != null
            ? ApiAccess.Authentication.TOKENS
            : reader.bool(API_AUTH_REQUIRED)
                ? ApiAccess.Authentication.SERVER
                : ApiAccess.Authentication.NONE;
    return new ApiAccess(
        authentication,
        keySetting,
        reader.bool(API_ALLOW_ANONYMOUS),
        reader.optional(HTTP_HOST).orElse(null),
        readOrigins(reader, API_PUBLIC_ORIGINS),
        readOrigins(reader, API_ALLOWED_ORIGINS),
        readAddressRanges(reader, API_TRUSTED_PROXIES));
  }

  private static Set<String> readOrigins(SettingsReader reader, String property) {
    Set<String> origins = new LinkedHashSet<>();
    for (String entry : reader.optional(property).orElse("").split(",")) {
      String origin = entry.strip().toLowerCase(Locale.ROOT);
      if (origin.isEmpty()) {
        continue;
      }
      if (!ORIGIN.matcher(origin).matches()) {
        throw new InvalidSettingException(
            property,
            "\""
                + entry.strip()
                + "\" is not an origin: use scheme://host[:port], such as https://app.example.com,"
                + " separated by commas");
      }
      origins.add(origin);
    }
    return Set.copyOf(origins);
  }

  private static List<AddressRange> readAddressRanges(SettingsReader reader, String property) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : reader.optional(property).orElse("").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      ranges.add(
          AddressRange.parse(entry)
              .orElseThrow(
                  () ->
                      new InvalidSettingException(
                          property,
                          "\""
                              + entry.strip()
                              + "\" is not an IP address or a CIDR range (such as 10.0.0.7 or"
                              + " 10.0.0.0/8), separated by commas; host names are not looked up")));
    }
    return List.copyOf(ranges);
  }
}
