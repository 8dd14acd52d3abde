package io.nexusliberty.web;

import io.nexusliberty.metrics.ApplicationMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics} (mapped in web.xml): every metric of the application in the Prometheus text
 * format.
 */
public class PrometheusMetricsServlet extends ReadOnlyServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ApplicationMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.getWriter().write(metrics.scrape());
  }
}
