package io.nexusliberty.temporal.worker;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps java.util.logging's handlers while the JVM shuts down, so that what the application does
 * when a SIGTERM stops the server (draining its workers) reaches the log.
 *
 * <p>The JDK's {@link LogManager} resets itself, removing every handler, in a shutdown hook of its
 * own, which the JVM runs alongside the server's; by the time the server stops the application, its
 * log lines go nowhere. Open Liberty's log manager can be told not to reset ({@code disableReset}),
 * which leaves the server's handlers in place until the process exits. Under any other log manager
 * nothing changes.
 */
final class ShutdownLogging {

  private static final Logger LOG = Logger.getLogger(ShutdownLogging.class.getName());

  private ShutdownLogging() {}

  /** Asks the log manager, if it is Open Liberty's, not to reset when the JVM shuts down. */
  static void keepHandlersOnShutdown() {
    LogManager manager = LogManager.getLogManager();
    try {
      manager.getClass().getMethod("disableReset").invoke(manager);
    } catch (NoSuchMethodException e) {
      LOG.fine(
          () ->
              "The log manager "
                  + manager.getClass().getName()
                  + " resets on JVM shutdown; lines logged while a signal stops the server may be"
                  + " lost");
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      LOG.fine(() -> "Could not keep the log handlers through JVM shutdown: " + e);
    }
  }
}
