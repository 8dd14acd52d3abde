package io.nexusliberty.temporal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON shape a Nexus operation's input type has on the wire, as callers in any language must
 * write it: a record's components by their {@link JsonProperty} names, each with the values of its
 * {@link OneOf} enum as the value placeholder, or {@code "..."}.
 */
public final class NexusInputShape {

  /**
   * The values a string component takes on the wire: the constants of this enum, as their {@code
   * toString()} writes them.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
  public @interface OneOf {
    Class<? extends Enum<?>> value();
  }

  private final Type type;

  public NexusInputShape(Type type) {
    this.type = type;
  }

  /** For messages: {@code json/plain {"Name": "...", "Language": "en|fr"}}. */
  public String describe() {
    if (!(type instanceof Class<?> recordType) || !recordType.isRecord()) {
      return "json/plain " + type.getTypeName();
    }
    return "json/plain "
        + fields(recordType).stream()
            .map(field -> "\"" + field.jsonName() + "\": \"" + field.placeholder() + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The JSON names of the record's components that are null in this value. */
  public static List<String> missingFields(Object value) {
    List<String> missing = new ArrayList<>();
    if (value.getClass().isRecord()) {
      for (Field field : fields(value.getClass())) {
        if (field.valueIn(value) == null) {
          missing.add(field.jsonName());
        }
      }
    }
    return missing;
  }

  private static List<Field> fields(Class<?> recordType) {
    List<Field> fields = new ArrayList<>();
    for (RecordComponent component : recordType.getRecordComponents()) {
      fields.add(new Field(component));
    }
    return fields;
  }

  /** One record component as JSON sees it. */
  private record Field(RecordComponent component) {

    String jsonName() {
      JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
      return property == null || property.value().isEmpty()
          ? component.getName()
          : property.value();
    }

    String placeholder() {
      OneOf values = component.getAccessor().getAnnotation(OneOf.class);
      return values == null
          ? "..."
          : Arrays.stream(values.value().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining("|"));
    }

    Object valueIn(Object value) {
      try {
        return component.getAccessor().invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + component + " of " + value, e);
      }
    }
  }
}
