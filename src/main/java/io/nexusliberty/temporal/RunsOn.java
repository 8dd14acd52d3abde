package io.nexusliberty.temporal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a workflow implementation, or a Nexus service implementation ({@code @ServiceImpl}), on the
 * workers of a role: the application finds every class so marked and registers it when the role
 * runs ({@code temporal.workers}).
 *
 * <p>It runs in the role's namespace and task queue ({@code temporal.<role>.namespace}, {@code
 * temporal.<role>.task-queue}) unless it names MicroProfile Config properties of its own. A Nexus
 * service implementation is a CDI bean ({@code @Dependent} unless it says otherwise) and may inject
 * other beans; a workflow implementation stays a plain class, created by Temporal for each run.
 */
@Stereotype
@Dependent
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunsOn {

  /** The role whose workers run it. */
  Role value();

  /** A MicroProfile Config property holding the namespace; empty for the role's. */
  String namespaceProperty() default "";

  /** A MicroProfile Config property holding the task queue; empty for the role's. */
  String taskQueueProperty() default "";
}
