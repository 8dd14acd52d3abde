package io.nexusliberty.settings;

import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Offers settings read while the application deploys as a singleton bean. An invalid setting is a
 * deployment problem: the application does not start, and the log names the property to fix.
 */
public final class SettingsBean {

  private SettingsBean() {}

  /**
   * Reads the settings and registers them as a bean, or registers the error that names the
   * property.
   */
  public static <T> void register(
      AfterBeanDiscovery afterBeanDiscovery, Class<T> type, Supplier<T> load, Logger log) {
    T settings;
    try {
      settings = load.get();
    } catch (InvalidSettingException e) {
      log.severe(e.getMessage());
      afterBeanDiscovery.addDefinitionError(e);
      return;
    }
    afterBeanDiscovery
        .addBean()
        .beanClass(type)
        .types(type, Object.class)
        .scope(Singleton.class)
        .createWith(context -> settings);
  }
}
