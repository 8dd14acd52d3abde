package io.nexusliberty.temporal.embedded;

import com.google.protobuf.util.Timestamps;
import io.nexusliberty.temporal.config.SettingNames;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the embedded server's memory bounded: Temporal's test server keeps every workflow it ever
 * ran, history and state, for as long as it runs. Every few seconds this drops the closed workflows
 * beyond the newest {@code temporal.embedded.max-closed-workflows}, oldest first, as a real
 * server's namespace retention drops closed workflows; running workflows are never touched. It also
 * drops the timers the test server left pending for the dropped workflows (it never removes a timer
 * before its time, and a Nexus operation's schedule-to-close timer would otherwise keep its caller
 * workflow in memory for the whole operation timeout). And it keeps the timer from recording lock
 * events, which it did for every workflow task, never forgetting one and scanning them all on every
 * release of its lock.
 *
 * <p>The test server has no API for this, so its maps are reached by reflection (its version is
 * pinned with the SDK's); if they cannot be, the server runs unpruned and the log says so.
 */
final class EmbeddedServerRetention implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedServerRetention.class.getName());
  private static final long SWEEP_SECONDS = 5;

  private final int maxClosed;
  private final Lock serviceLock;
  private final List<Map<?, ?>> byWorkflow;
  private final Map<Object, Object> executions;
  private final Lock storeLock;
  private final Map<Object, Object> histories;
  private final Method isTerminal;
  private final EmbeddedServerTimer timer;
  private final ScheduledExecutorService sweeper;

  /** Closed executions, oldest first, with their state. */
  private final LinkedHashMap<Object, Object> closed = new LinkedHashMap<>();

  private long pruned;

  private EmbeddedServerRetention(TestServicesStarter services, int maxClosed)
      throws ReflectiveOperationException {
    this.maxClosed = maxClosed;
    Object service = services.getWorkflowService();
    serviceLock = TestServerFields.read(service, "lock");
    executions = TestServerFields.read(service, "executions");
    byWorkflow =
        List.of(
            TestServerFields.read(service, "executionsByWorkflowId"),
            TestServerFields.read(service, "executionsByFirstExecutionRunId"));
    Object store = TestServerFields.read(service, "store");
    storeLock = TestServerFields.read(store, "lock");
    histories = TestServerFields.read(store, "histories");
    isTerminal =
        Class.forName(
                "io.temporal.internal.testservice.TestWorkflowMutableState",
                false,
                service.getClass().getClassLoader())
            .getDeclaredMethod("isTerminalState");
    isTerminal.setAccessible(true);
    timer = new EmbeddedServerTimer(TestServerFields.read(services, "selfAdvancingTimer"));
    timer.forgetLockEvents();
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "temporal-embedded-retention");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Starts pruning the server's closed workflows beyond {@code maxClosed}; returns null, after
   * saying so in the log, when the server's internals are not as expected.
   */
  static EmbeddedServerRetention start(TestServicesStarter services, int maxClosed) {
    try {
      return new EmbeddedServerRetention(services, maxClosed);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The embedded Temporal server keeps every closed workflow in memory: this version of"
              + " Temporal's test server cannot be pruned ("
              + e
              + "). Restart the application from time to time, or set "
              + SettingNames.ADDRESS
              + " to use a real server.");
      return null;
    }
  }

  /** Drops the oldest closed workflows beyond the limit. */
  synchronized void sweep() {
    try {
      List<Map.Entry<Object, Object>> newlyClosed = new ArrayList<>();
      serviceLock.lock();
      try {
        for (Map.Entry<Object, Object> execution : executions.entrySet()) {
          if (!closed.containsKey(execution.getKey())
              && (boolean) isTerminal.invoke(execution.getValue())) {
            newlyClosed.add(Map.entry(execution.getKey(), execution.getValue()));
          }
        }
      } finally {
        serviceLock.unlock();
      }
      Map<Object, Long> closeTimes = closeTimes(newlyClosed);
      newlyClosed.sort(Comparator.comparing(execution -> closeTimes.get(execution.getKey())));
      newlyClosed.forEach(execution -> closed.put(execution.getKey(), execution.getValue()));
      drop(closed.size() - maxClosed);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot prune the embedded Temporal server's closed workflows", e);
    }
  }

  /** When each of these closed: the time of its history's last event. */
  private Map<Object, Long> closeTimes(List<Map.Entry<Object, Object>> executions)
      throws ReflectiveOperationException {
    Map<Object, Long> times = new HashMap<>();
    storeLock.lock();
    try {
      for (Map.Entry<Object, Object> execution : executions) {
        long time = Long.MAX_VALUE;
        Object historyStore = histories.get(execution.getKey());
        if (historyStore != null) {
          List<HistoryEvent> events = TestServerFields.read(historyStore, "history");
          if (!events.isEmpty()) {
            time = Timestamps.toMillis(events.get(events.size() - 1).getEventTime());
          }
        }
        times.put(execution.getKey(), time);
      }
    } finally {
      storeLock.unlock();
    }
    return times;
  }

  /** Drops this many of the oldest closed workflows: state, history and pending timers. */
  private void drop(int count) {
    if (count <= 0) {
      return;
    }
    List<Object> droppedIds = new ArrayList<>();
    Set<Object> droppedStates = Collections.newSetFromMap(new IdentityHashMap<>());
    serviceLock.lock();
    try {
      Iterator<Map.Entry<Object, Object>> oldest = closed.entrySet().iterator();
      for (int left = count; left > 0; left--) {
        Map.Entry<Object, Object> execution = oldest.next();
        oldest.remove();
        executions.remove(execution.getKey(), execution.getValue());
        droppedStates.add(execution.getValue());
        droppedIds.add(execution.getKey());
      }
      // A workflow ID's entry names its latest run, which may be a newer one: kept then.
      byWorkflow.forEach(map -> map.values().removeIf(droppedStates::contains));
    } finally {
      serviceLock.unlock();
    }
    storeLock.lock();
    try {
      droppedIds.forEach(histories::remove);
    } finally {
      storeLock.unlock();
    }
    timer.cancelTimersOf(droppedStates);
    pruned += count;
    LOG.fine(
        () ->
            "Embedded Temporal server: dropped "
                + count
                + " closed workflows ("
                + pruned
                + " in all), keeping the newest "
                + maxClosed);
  }

  /** The timer's lock events recorded, for the tests: none once they are forgotten. */
  int lockEventsRecorded() throws ReflectiveOperationException {
    return timer.lockEventsRecorded();
  }

  /** Closed workflows the server still keeps, as of the last sweep. */
  synchronized int closedKept() {
    return closed.size();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
