package io.nexusliberty.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nexusliberty.settings.InvalidSettingException;
import io.nexusliberty.temporal.config.WarDefaults;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and validating the HTTP API's settings, starting from the defaults the WAR carries. */
class ApiSettingsTest {

  private final Map<String, String> values = new HashMap<>();

  @BeforeEach
  void startFromTheWarsDefaults() {
    values.putAll(WarDefaults.load());
  }

  private ApiAccess access() {
    return ApiSettings.load(name -> Optional.ofNullable(values.get(name))).access();
  }

  private InvalidSettingException invalid() {
    return assertThrows(InvalidSettingException.class, this::access);
  }

  @Test
  void allowedOriginsAreALowerCasedListOfOrigins() {
    assertEquals(Set.of(), access().allowedOrigins(), "none by default: only the own origin");

    values.put(
        ApiSettings.API_ALLOWED_ORIGINS, " https://App.Example.com , http://localhost:3000,");

    assertEquals(
        Set.of("https://app.example.com", "http://localhost:3000"), access().allowedOrigins());
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.example.com", "https://app.example.com/", "ftp://x", "*"})
  void anAllowedOriginThatIsNotAnOriginNamesTheProperty(String origin) {
    values.put(ApiSettings.API_ALLOWED_ORIGINS, origin);

    assertEquals(ApiSettings.API_ALLOWED_ORIGINS, invalid().property());
  }

  @Test
  void withNothingSetTheApiAuthenticatesNobodyAndServesOnlyLoopback() {
    ApiAccess access = access();

    assertEquals(ApiAccess.Authentication.NONE, access.authentication());
    assertFalse(access.allowAnonymous());
    assertTrue(access.serves("127.0.0.1"), "loopback");
    assertTrue(access.serves("0:0:0:0:0:0:0:1"), "IPv6 loopback");
    assertFalse(access.serves("10.1.2.3"), "another interface");
    assertFalse(access.anonymousBeyondLoopbackRefused(), "the listening host is not known");

    values.put(ApiSettings.HTTP_HOST, "localhost");
    assertFalse(access().anonymousBeyondLoopbackRefused(), "localhost");
    values.put(ApiSettings.HTTP_HOST, "*");
    assertTrue(access().anonymousBeyondLoopbackRefused(), "every interface");
    values.put(ApiSettings.API_ALLOW_ANONYMOUS, "true");
    assertFalse(access().anonymousBeyondLoopbackRefused(), "said explicitly");
    assertTrue(access().serves("10.1.2.3"));
  }

  @Test
  void aJwtKeySwitchesTokensOnAndNeedsTheIssuer() {
    values.put(ApiSettings.JWT_PUBLIC_KEY_LOCATION, "https://login.example.com/jwks");

    assertEquals(ApiSettings.JWT_ISSUER, invalid().property(), "a key without its issuer");

    values.put(ApiSettings.JWT_ISSUER, "https://login.example.com");
    ApiAccess access = access();
    assertEquals(ApiAccess.Authentication.TOKENS, access.authentication());
    assertEquals(ApiSettings.JWT_PUBLIC_KEY_LOCATION, access.jwtKeySetting());
    assertTrue(access.serves("10.1.2.3"), "authenticated callers from anywhere");
  }

  @Test
  void authRequiredWithoutTokensLeavesAuthenticationToTheServer() {
    values.put(ApiSettings.API_AUTH_REQUIRED, "true");

    assertEquals(ApiAccess.Authentication.SERVER, access().authentication());
  }

  @Test
  void trustedProxiesAreAddressesOrRangesNeverNames() {
    values.put(ApiSettings.API_TRUSTED_PROXIES, "10.0.0.0/8, 192.168.1.7 ,fd00::/8");
    ApiAccess access = access();

    assertTrue(access.trustedProxies().get(0).contains("10.200.3.4"));
    assertFalse(access.trustedProxies().get(0).contains("11.0.0.1"));
    assertTrue(access.trustedProxies().get(1).contains("192.168.1.7"));
    assertFalse(access.trustedProxies().get(1).contains("192.168.1.8"));
    assertTrue(access.trustedProxies().get(2).contains("fd12:3456::1"));
    assertFalse(access.trustedProxies().get(2).contains("10.0.0.1"), "another family");

    for (String invalid :
        new String[] {"proxy.example.com", "10.0.0.0/33", "10.0.0", "1.2.3.4/x"}) {
      values.put(ApiSettings.API_TRUSTED_PROXIES, invalid);
      assertEquals(ApiSettings.API_TRUSTED_PROXIES, invalid().property(), invalid);
    }
  }

  @Test
  void publicOriginsGiveTheHostsTheApplicationAnswersTo() {
    values.put(ApiSettings.API_PUBLIC_ORIGINS, "https://Nexus.Example.com, http://[fd00::5]:8080");
    ApiAccess access = access();

    assertTrue(access.isPublicHost("nexus.example.com"));
    assertTrue(access.isPublicHost("[fd00::5]"));
    assertFalse(access.isPublicHost("evil.example"));

    values.put(ApiSettings.API_PUBLIC_ORIGINS, "nexus.example.com");
    assertEquals(ApiSettings.API_PUBLIC_ORIGINS, invalid().property());
  }
}
