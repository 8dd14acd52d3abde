package io.nexusliberty.temporal.embedded;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The test server's self-advancing timer, patched: it no longer records lock events, and the timers
 * of dropped workflows are cancelled (it never removes a timer before its time).
 */
final class EmbeddedServerTimer {

  /** The readable object fields of each callback class. */
  private static final ClassValue<List<Field>> CAPTURED =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          List<Field> fields = new ArrayList<>();
          for (Field field : type.getDeclaredFields()) {
            if (field.getType().isPrimitive() || Modifier.isStatic(field.getModifiers())) {
              continue;
            }
            try {
              field.setAccessible(true);
              fields.add(field);
            } catch (RuntimeException notOpen) {
              // Not a callback of the test server's: nothing of interest in it.
            }
          }
          return List.copyOf(fields);
        }
      };

  private final Object timer;
  private final Lock lock;
  private final Collection<Object> tasks;
  private final Method taskRunnable;

  EmbeddedServerTimer(Object timer) throws ReflectiveOperationException {
    this.timer = timer;
    lock = TestServerFields.read(timer, "lock");
    tasks = TestServerFields.read(timer, "tasks");
    taskRunnable =
        Class.forName(
                timer.getClass().getName() + "$TimerTask", false, timer.getClass().getClassLoader())
            .getDeclaredMethod("getRunnable");
    taskRunnable.setAccessible(true);
  }

  /** Removes the pending timers whose callbacks hold one of these workflow states. */
  void cancelTimersOf(Set<Object> states) {
    lock.lock();
    try {
      tasks.removeIf(task -> capturesAny(runnable(task), states, 2));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces the timer's record of lock events with one that keeps nothing. The test server records
   * two events for every workflow task in a linked list, for its diagnostics only, never forgets
   * them, and scans that list from its oldest event each time a timer releases its lock: with
   * thousands recorded, the scan, made under the lock every call's workflow tasks wait for, became
   * the server's bottleneck.
   */
  void forgetLockEvents() throws ReflectiveOperationException {
    Field events = timer.getClass().getDeclaredField("lockEvents");
    events.setAccessible(true);
    lock.lock();
    try {
      events.set(timer, new NoLockEvents());
    } finally {
      lock.unlock();
    }
  }

  /** The timer's lock events recorded, for the tests: none once they are forgotten. */
  int lockEventsRecorded() throws ReflectiveOperationException {
    lock.lock();
    try {
      return ((Collection<?>) TestServerFields.read(timer, "lockEvents")).size();
    } finally {
      lock.unlock();
    }
  }

  /** A list that keeps nothing: what the timer adds is forgotten, what it removes was there. */
  private static final class NoLockEvents extends LinkedList<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean add(Object event) {
      return true;
    }

    @Override
    public boolean remove(Object event) {
      return true;
    }
  }

  private Object runnable(Object timerTask) {
    try {
      return taskRunnable.invoke(timerTask);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether a timer's callback (a lambda of the test server) holds one of these workflow states,
   * itself or through a callback it holds, down to this depth.
   */
  private static boolean capturesAny(Object callback, Set<Object> states, int depth) {
    if (callback == null || depth == 0) {
      return false;
    }
    for (Field captured : CAPTURED.get(callback.getClass())) {
      Object value;
      try {
        value = captured.get(callback);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (states.contains(value)
          || (value instanceof Runnable nested && capturesAny(nested, states, depth - 1))) {
        return true;
      }
    }
    return false;
  }
}
