package io.nexusliberty.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The languages the {@code say-hello} operation greets in, with their codes on the wire. */
public enum Language {
  EN("en"),
  FR("fr"),
  DE("de"),
  ES("es"),
  TR("tr");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The lower-case code used on the wire, such as {@code "en"}. */
  public String code() {
    return code;
  }

  /** The wire code: what callers write, and are told they may write. */
  @Override
  public String toString() {
    return code;
  }

  /** Every wire code, in this order, separated so: {@code en, fr, de, es, tr} with ", ". */
  public static String codes(String separator) {
    return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(separator));
  }

  /** The language with exactly this wire code, or empty when the code is not supported. */
  public static Optional<Language> fromCode(String code) {
    return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
  }
}
