package io.nexusliberty.temporal.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The settings' defaults as the WAR carries them, for tests that run without Liberty. */
public final class WarDefaults {

  private WarDefaults() {}

  public static Map<String, String> load() {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the defaults in the WAR's properties", e);
    }
    Map<String, String> defaults = new HashMap<>();
    properties.forEach((name, value) -> defaults.put((String) name, (String) value));
    return defaults;
  }
}
