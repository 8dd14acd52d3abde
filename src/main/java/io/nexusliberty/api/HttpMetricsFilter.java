package io.nexusliberty.api;

import io.micrometer.core.instrument.Timer;
import io.nexusliberty.metrics.ApplicationMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts and times every API request as {@code http_server_requests_seconds}, tagged with the
 * method, the path template under the application's path (such as {@code
 * /api/workflows/{workflowId}}), and the status.
 */
@Provider
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String SAMPLE = HttpMetricsFilter.class.getName() + ".sample";

  private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

  /** Each resource method's template, by its base path: worked out once, not per request. */
  private final Map<TemplateKey, String> templates = new ConcurrentHashMap<>();

  private record TemplateKey(String base, Class<?> resourceClass, Method resourceMethod) {}

  @Inject ApplicationMetrics metrics;

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(SAMPLE, Timer.start(metrics.registry()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(SAMPLE) instanceof Timer.Sample sample)) {
      return;
    }
    record(metrics, sample, request.getMethod(), template(request), response.getStatus());
  }

  /** Records one answered API request, timed by this sample, under its path template. */
  static void record(
      ApplicationMetrics metrics, Timer.Sample sample, String method, String uri, int status) {
    sample.stop(
        Timer.builder("http.server.requests")
            .description("Requests to the API")
            .tag("method", method)
            .tag("uri", uri)
            .tag("status", String.valueOf(status))
            .register(metrics.registry()));
  }

  /**
   * The matched resource's path template under the application's path as this deployment maps it
   * (without the context root); a fixed word for requests that matched none.
   */
  private String template(ContainerRequestContext request) {
    if (resource == null || resource.getResourceClass() == null) {
      return "UNKNOWN";
    }
    String base = request.getUriInfo().getBaseUri().getRawPath();
    return templates.computeIfAbsent(
        new TemplateKey(base, resource.getResourceClass(), resource.getResourceMethod()),
        key -> template(key, servletRequest.getContextPath()));
  }

  private static String template(TemplateKey key, String contextPath) {
    String base = key.base();
    StringBuilder template =
        new StringBuilder(
            base.startsWith(contextPath) ? base.substring(contextPath.length()) : base);
    Path classPath = key.resourceClass().getAnnotation(Path.class);
    if (classPath != null) {
      template.append('/').append(classPath.value());
    }
    Path methodPath =
        key.resourceMethod() == null ? null : key.resourceMethod().getAnnotation(Path.class);
    if (methodPath != null) {
      template.append('/').append(methodPath.value());
    }
    String normalized = REPEATED_SLASHES.matcher(template).replaceAll("/");
    return normalized.length() > 1 && normalized.endsWith("/")
        ? normalized.substring(0, normalized.length() - 1)
        : normalized;
  }
}
