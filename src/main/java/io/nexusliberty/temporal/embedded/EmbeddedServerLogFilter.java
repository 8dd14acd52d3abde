package io.nexusliberty.temporal.embedded;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Quiets the one warning that Temporal's Java test server causes on every busy Nexus worker.
 *
 * <p>When a handler workflow finishes before the server has recorded that its operation started,
 * the test server has already completed the caller's operation and refuses the late start with
 * "unknown Nexus operation". The call is not affected. The SDK logs that with a stack trace per
 * task; this filter logs it once, in one line, and drops the repeats.
 */
final class EmbeddedServerLogFilter implements Filter {

  /** The SDK's logger that reports the refused start (through SLF4J to java.util.logging). */
  private static final String NEXUS_WORKER_LOGGER = "io.temporal.internal.worker.NexusWorker";

  private static final Logger LOG = Logger.getLogger(EmbeddedServerLogFilter.class.getName());

  private final Logger nexusWorkerLog = Logger.getLogger(NEXUS_WORKER_LOGGER);
  private final Filter previous = nexusWorkerLog.getFilter();
  private final AtomicBoolean reported = new AtomicBoolean();

  private EmbeddedServerLogFilter() {}

  /** Installs the filter on the SDK's Nexus worker logger; {@link #remove} takes it off. */
  static EmbeddedServerLogFilter install() {
    EmbeddedServerLogFilter filter = new EmbeddedServerLogFilter();
    filter.nexusWorkerLog.setFilter(filter);
    return filter;
  }

  void remove() {
    if (nexusWorkerLog.getFilter() == this) {
      nexusWorkerLog.setFilter(previous);
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (!isLateStartRefused(record.getThrown())) {
      return previous == null || previous.isLoggable(record);
    }
    if (reported.compareAndSet(false, true)) {
      LOG.info(
          "The embedded Temporal server refused a Nexus operation start that arrived after the"
              + " operation had already completed (\"unknown Nexus operation\"). This is how"
              + " Temporal's test server orders a fast handler workflow; the call is not affected."
              + " Further occurrences are not logged.");
    }
    return false;
  }

  private static boolean isLateStartRefused(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND
          && String.valueOf(status.getStatus().getDescription())
              .contains("unknown Nexus operation")) {
        return true;
      }
    }
    return false;
  }
}
