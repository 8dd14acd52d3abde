package io.nexusliberty.temporal.nexus;

import io.nexusliberty.temporal.BadNexusInput;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops the SDK's warning, with its stack trace, for each Nexus operation refused as the caller's
 * fault: {@link NexusInputInterceptor} has already logged the refusal in one line. Every other
 * failure of a Nexus handler is still logged by the SDK as before.
 */
public final class NexusHandlerLogFilter implements Filter {

  /** The SDK's logger of failed Nexus operations (through SLF4J to java.util.logging). */
  private static final String NEXUS_HANDLER_LOGGER =
      "io.temporal.internal.nexus.NexusTaskHandlerImpl";

  private final Logger handlerLog = Logger.getLogger(NEXUS_HANDLER_LOGGER);
  private final Filter previous = handlerLog.getFilter();

  private NexusHandlerLogFilter() {}

  /** Installs the filter on the SDK's logger; {@link #remove} takes it off. */
  public static NexusHandlerLogFilter install() {
    NexusHandlerLogFilter filter = new NexusHandlerLogFilter();
    filter.handlerLog.setFilter(filter);
    return filter;
  }

  public void remove() {
    if (handlerLog.getFilter() == this) {
      handlerLog.setFilter(previous);
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    return !BadNexusInput.isBadInput(record.getThrown())
        && (previous == null || previous.isLoggable(record));
  }
}
