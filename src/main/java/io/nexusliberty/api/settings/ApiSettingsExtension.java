package io.nexusliberty.api.settings;

import io.nexusliberty.settings.SettingsBean;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and validates the HTTP API's settings while the application deploys, and offers them as a
 * bean; an invalid one stops the deployment, naming the property.
 */
public class ApiSettingsExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(ApiSettingsExtension.class.getName());

  void registerSettings(@Observes AfterBeanDiscovery afterBeanDiscovery) {
    Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    SettingsBean.register(
        afterBeanDiscovery,
        ApiSettings.class,
        () -> ApiSettings.load(name -> config.getOptionalValue(name, String.class)),
        LOG);
  }
}
