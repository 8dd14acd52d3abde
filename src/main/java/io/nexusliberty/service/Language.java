package io.nexusliberty.service;

import java.util.Arrays;
import java.util.Optional;

/** The languages the {@code say-hello} operation greets in, with their codes on the wire. */
public enum Language {
  EN("en"),
  FR("fr"),
  DE("de"),
  ES("es"),
  TR("tr");

  /** Every code, as callers are told: {@code en|fr|de|es|tr}. */
  public static final String CODES = "en|fr|de|es|tr";

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The lower-case code used on the wire, such as {@code "en"}. */
  public String code() {
    return code;
  }

  /** The language with exactly this wire code, or empty when the code is not supported. */
  public static Optional<Language> fromCode(String code) {
    return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
  }
}
