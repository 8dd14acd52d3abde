package io.nexusliberty.temporal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON shape a Nexus operation's input type has on the wire, as callers in any language must
 * write it: a record's components by their {@link JsonProperty} names, each with its {@link
 * JsonPropertyDescription} as the value placeholder, or {@code "..."}.
 */
public final class NexusInputShape {

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
      JsonPropertyDescription description =
          component.getAccessor().getAnnotation(JsonPropertyDescription.class);
      return description == null ? "..." : description.value();
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
