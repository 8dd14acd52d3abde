package io.nexusliberty.temporal.embedded;

import java.lang.reflect.Field;

/** Reads a private field of Temporal's test server, which has no API for what the patches do. */
final class TestServerFields {

  private TestServerFields() {}

  @SuppressWarnings("unchecked")
  static <T> T read(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return (T) field.get(owner);
  }
}
