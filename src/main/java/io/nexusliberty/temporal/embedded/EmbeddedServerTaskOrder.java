package io.nexusliberty.temporal.embedded;

import io.nexusliberty.temporal.config.SettingNames;
import io.temporal.api.common.v1.Priority;
import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the embedded server hand out each task queue's tasks oldest first. Temporal's test server
 * keeps a task queue's backlog in a heap ordered by priority alone, and a heap returns equal
 * elements in no useful order: under steady load it served the newest tasks first, and a workflow
 * task could wait until the load stopped (a call of a few milliseconds took as long as the burst
 * around it). Every task queue here gets a backlog ordered by priority, then by arrival.
 *
 * <p>The test server has no setting for this: its maps of task queues are reached by reflection
 * (its version is pinned with the SDK's); if they cannot be, the server runs as it is and the log
 * says so.
 */
final class EmbeddedServerTaskOrder {

  private static final Logger LOG = Logger.getLogger(EmbeddedServerTaskOrder.class.getName());

  /** The test server's maps of task queues, by kind of task. */
  private static final List<String> TASK_QUEUE_MAPS =
      List.of("workflowTaskQueues", "activityTaskQueues", "nexusTaskQueues");

  private EmbeddedServerTaskOrder() {}

  /** Orders the server's task queues, or says in the log that it cannot. */
  static void install(TestServicesStarter services) {
    try {
      Object store = TestServerFields.read(services.getWorkflowService(), "store");
      ClassLoader loader = store.getClass().getClassLoader();
      Class<?> taskQueue =
          Class.forName("io.temporal.internal.testservice.TaskQueue", false, loader);
      Field backlog = taskQueue.getDeclaredField("backlog");
      backlog.setAccessible(true);
      if (backlog.getType() != PriorityQueue.class) {
        throw new NoSuchFieldException("TaskQueue.backlog is a " + backlog.getType());
      }
      Method priority =
          Class.forName(taskQueue.getName() + "$TaskQueueElement", false, loader)
              .getDeclaredMethod("getPriority");
      priority.setAccessible(true);
      for (String name : TASK_QUEUE_MAPS) {
        Field queues = store.getClass().getDeclaredField(name);
        queues.setAccessible(true);
        Map<Object, Object> existing = cast(queues.get(store));
        queues.set(store, new OrderedQueues(existing, taskQueue, backlog, priority));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The embedded Temporal server may serve tasks out of order under load (this version of"
              + " Temporal's test server cannot be changed: "
              + e
              + "); set "
              + SettingNames.ADDRESS
              + " to use a real server.");
    }
  }

  /** A map of task queues that gives each new queue an ordered backlog as it is added. */
  private static final class OrderedQueues extends HashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> taskQueue;
    private final transient Field backlog;
    private final transient Method priority;

    OrderedQueues(
        Map<Object, Object> existing, Class<?> taskQueue, Field backlog, Method priority) {
      this.taskQueue = taskQueue;
      this.backlog = backlog;
      this.priority = priority;
      existing.forEach(this::put);
    }

    @Override
    public Object put(Object id, Object queue) {
      if (taskQueue.isInstance(queue)) {
        synchronized (queue) {
          try {
            Collection<?> tasks = (Collection<?>) backlog.get(queue);
            if (!(tasks instanceof ArrivalOrder)) {
              ArrivalOrder ordered = new ArrivalOrder(priority);
              ordered.addAll(tasks);
              backlog.set(queue, ordered);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot order the task queue " + id, e);
          }
        }
      }
      return super.put(id, queue);
    }
  }

  /**
   * A task queue's backlog: highest priority first (the test server's order, lowest key first), and
   * among equals the oldest first. It stands in for the {@link PriorityQueue} the test server
   * declares, which it uses through {@code add}, {@code isEmpty} and {@code poll}.
   */
  static final class ArrivalOrder extends PriorityQueue<Object> {
    private static final long serialVersionUID = 1L;

    /** A task and when it arrived. */
    private record Arrival(Object task, int priorityKey, long sequence) {}

    private final transient Method priority;
    private final PriorityQueue<Arrival> arrivals =
        new PriorityQueue<>(
            Comparator.comparingInt(Arrival::priorityKey).thenComparingLong(Arrival::sequence));
    private long sequence;

    ArrivalOrder(Method priority) {
      this.priority = priority;
    }

    @Override
    public boolean add(Object task) {
      return offer(task);
    }

    @Override
    public boolean offer(Object task) {
      return arrivals.offer(new Arrival(task, priorityKey(task), sequence++));
    }

    @Override
    public Object poll() {
      Arrival first = arrivals.poll();
      return first == null ? null : first.task();
    }

    @Override
    public Object peek() {
      Arrival first = arrivals.peek();
      return first == null ? null : first.task();
    }

    @Override
    public int size() {
      return arrivals.size();
    }

    @Override
    public boolean isEmpty() {
      return arrivals.isEmpty();
    }

    @Override
    public void clear() {
      arrivals.clear();
    }

    @Override
    public boolean remove(Object task) {
      return arrivals.removeIf(arrival -> arrival.task() == task);
    }

    @Override
    public boolean contains(Object task) {
      return arrivals.stream().anyMatch(arrival -> arrival.task() == task);
    }

    @Override
    public Object[] toArray() {
      return arrivals.stream().sorted(arrivals.comparator()).map(Arrival::task).toArray();
    }

    @Override
    public <T> T[] toArray(T[] array) {
      return List.of(toArray()).toArray(array);
    }

    @Override
    public Iterator<Object> iterator() {
      return List.of(toArray()).iterator();
    }

    private int priorityKey(Object task) {
      try {
        return priority.invoke(task) instanceof Priority given ? given.getPriorityKey() : 0;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read a task's priority", e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
