package io.nexusliberty.temporal.config;

import io.nexusliberty.settings.SettingsBean;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Reads and validates the Temporal settings while the application deploys, and offers them as a
 * bean. An invalid setting is a deployment problem: the application does not start, and the log
 * names the property to fix.
 */
public class TemporalSettingsExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(TemporalSettingsExtension.class.getName());

  /**
   * The rank of the WAR's {@code META-INF/microprofile-config.properties}, MicroProfile Config's
   * default for such files: a value from a source ranked higher is set by the deployment.
   */
  private static final int WAR_DEFAULTS_ORDINAL = 100;

  void registerSettings(@Observes AfterBeanDiscovery afterBeanDiscovery) {
    Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    SettingsBean.register(
        afterBeanDiscovery,
        TemporalSettings.class,
        () ->
            TemporalSettings.load(
                name -> valueAbove(config, name, WAR_DEFAULTS_ORDINAL),
                name -> config.getOptionalValue(name, String.class),
                System.getenv()),
        LOG);
  }

  private static Optional<String> valueAbove(Config config, String name, int ordinal) {
    ConfigValue value = config.getConfigValue(name);
    return value.getValue() != null && value.getSourceOrdinal() > ordinal
        ? Optional.of(value.getValue())
        : Optional.empty();
  }
}
