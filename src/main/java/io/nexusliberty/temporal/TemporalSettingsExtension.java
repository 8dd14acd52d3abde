package io.nexusliberty.temporal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and validates the Temporal settings while the application deploys, and offers them as a
 * bean. An invalid setting is a deployment problem: the application does not start, and the log
 * names the property to fix.
 */
public class TemporalSettingsExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(TemporalSettingsExtension.class.getName());

  void registerSettings(@Observes AfterBeanDiscovery afterBeanDiscovery) {
    Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    TemporalSettings settings;
    try {
      settings = TemporalSettings.load(name -> config.getOptionalValue(name, String.class));
    } catch (InvalidSettingException e) {
      LOG.severe(e.getMessage());
      afterBeanDiscovery.addDefinitionError(e);
      return;
    }
    afterBeanDiscovery
        .addBean()
        .beanClass(TemporalSettings.class)
        .types(TemporalSettings.class, Object.class)
        .scope(Singleton.class)
        .createWith(context -> settings);
  }
}
