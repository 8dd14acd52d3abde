package io.nexusliberty.temporal.worker;

import io.nexusliberty.temporal.RunsOn;
import io.nexusrpc.handler.ServiceImpl;
import io.temporal.workflow.WorkflowInterface;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the deployment's workflow implementations and Nexus service implementations marked {@link
 * RunsOn}, and offers them as the {@link TemporalComponents} bean. Workflow implementations are
 * taken out of CDI: Temporal creates them for each run.
 */
public class TemporalComponentsExtension implements Extension {

  private final List<Class<?>> workflows = new ArrayList<>();
  private final List<Class<?>> nexusServices = new ArrayList<>();
  private final List<String> misplaced = new ArrayList<>();

  <T> void find(@Observes @WithAnnotations(RunsOn.class) ProcessAnnotatedType<T> type) {
    Class<T> found = type.getAnnotatedType().getJavaClass();
    if (!found.isAnnotationPresent(RunsOn.class)) {
      return; // Only a member carries the annotation.
    }
    if (found.isAnnotationPresent(ServiceImpl.class)) {
      nexusServices.add(found);
    } else if (implementsWorkflow(found)) {
      workflows.add(found);
      type.veto();
    } else {
      misplaced.add(found.getName());
    }
  }

  private static boolean implementsWorkflow(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      if (Arrays.stream(current.getInterfaces())
          .anyMatch(face -> face.isAnnotationPresent(WorkflowInterface.class))) {
        return true;
      }
    }
    return false;
  }

  void register(@Observes AfterBeanDiscovery afterBeanDiscovery) {
    for (String name : misplaced) {
      afterBeanDiscovery.addDefinitionError(
          new IllegalStateException(
              "@RunsOn on "
                  + name
                  + ", which neither implements a @WorkflowInterface nor is a Nexus @ServiceImpl"));
    }
    TemporalComponents components = new TemporalComponents(workflows, nexusServices);
    afterBeanDiscovery
        .addBean()
        .beanClass(TemporalComponents.class)
        .types(TemporalComponents.class, Object.class)
        .scope(Singleton.class)
        .createWith(context -> components);
  }
}
