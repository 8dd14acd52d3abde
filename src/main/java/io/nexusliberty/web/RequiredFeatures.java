package io.nexusliberty.web;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks, first thing at deployment, that the Liberty server has every feature the application
 * needs, and names the ones it lacks: without this, a missing feature shows only as a class the
 * application cannot load.
 */
public class RequiredFeatures implements ServletContainerInitializer {

  private static final Logger LOG = Logger.getLogger(RequiredFeatures.class.getName());

  /** Each feature the application needs (servlet-6.0 runs this check), and a class it provides. */
  static final Map<String, String> FEATURES = features();

  private static Map<String, String> features() {
    Map<String, String> features = new LinkedHashMap<>();
    features.put("restfulWS-3.1", "jakarta.ws.rs.core.Application");
    features.put("jsonb-3.0", "jakarta.json.bind.Jsonb");
    features.put("jsonp-2.1", "jakarta.json.Json");
    features.put("cdi-4.0", "jakarta.enterprise.inject.spi.Extension");
    features.put("mpConfig-3.1", "org.eclipse.microprofile.config.ConfigProvider");
    features.put("mpHealth-4.0", "org.eclipse.microprofile.health.HealthCheck");
    features.put("mpOpenAPI-4.1", "org.eclipse.microprofile.openapi.annotations.Operation");
    return Map.copyOf(features);
  }

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<String> missing =
        FEATURES.entrySet().stream()
            .filter(feature -> !present(feature.getValue(), loader))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!missing.isEmpty()) {
      String message =
          "The Liberty server lacks the features this application needs: "
              + String.join(", ", missing)
              + ". Add to the <featureManager> of server.xml: "
              + String.join(
                  " ", missing.stream().map(name -> "<feature>" + name + "</feature>").toList());
      // Logged, not thrown: Liberty would log the same message a second time, with a stack trace.
      LOG.severe(message);
    }
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
