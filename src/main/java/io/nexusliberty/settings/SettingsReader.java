package io.nexusliberty.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values of MicroProfile Config properties, each error naming the property: strings,
 * booleans, choices, ports, durations and readable files.
 */
public final class SettingsReader {
  private static final Pattern SHORT_DURATION = Pattern.compile("^(\\d{1,9})\\s*(ms|s|m|h)$");

  private final Function<String, Optional<String>> lookup;

  public SettingsReader(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  public Optional<String> optional(String property) {
    return lookup.apply(property).map(String::strip).filter(value -> !value.isEmpty());
  }

  public String required(String property) {
    return optional(property)
        .orElseThrow(
            () ->
                new InvalidSettingException(
                    property,
                    "not set, and the application's default (in its"
                        + " META-INF/microprofile-config.properties) is missing or empty"));
  }

  public boolean bool(String property) {
    String value = required(property).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidSettingException(property, "\"" + value + "\" is not true or false");
    };
  }

  public <E extends Enum<E>> E choice(String property, Class<E> type) {
    String value = required(property);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          property,
          "\""
              + value
              + "\" is not one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                  .toList());
    }
  }

  public int integer(String property, int minimum) {
    String value = required(property);
    try {
      int number = Integer.parseInt(value);
      if (number >= minimum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(
        property, "\"" + value + "\" is not a whole number of at least " + minimum);
  }

  public int port(String property) {
    String value = required(property);
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(
        property, "\"" + value + "\" is not a port number (0 to 65535; 0 picks a free port)");
  }

  public Duration duration(String property) {
    String value = required(property);
    Duration duration = parseDuration(value);
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new InvalidSettingException(
          property,
          "\""
              + value
              + "\" is not a positive duration: use a number with ms, s, m or h (such as 10s),"
              + " or ISO-8601 (such as PT10S)");
    }
    return duration;
  }

  public Path readableFile(String property) {
    Optional<String> value = optional(property);
    if (value.isEmpty()) {
      return null;
    }
    Path path;
    try {
      path = Path.of(value.get());
    } catch (InvalidPathException e) {
      throw new InvalidSettingException(property, "\"" + value.get() + "\" is not a file path");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new InvalidSettingException(
          property, "cannot read the file \"" + path.toAbsolutePath() + "\"");
    }
    return path;
  }

  /** A duration as the settings take it ({@code 10s}, {@code PT10S}); null when malformed. */
  public static Duration parseDuration(String value) {
    Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
