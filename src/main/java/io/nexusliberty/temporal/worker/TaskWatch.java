package io.nexusliberty.temporal.worker;

import io.temporal.worker.tuning.ActivitySlotInfo;
import io.temporal.worker.tuning.CompositeTuner;
import io.temporal.worker.tuning.FixedSizeSlotSupplier;
import io.temporal.worker.tuning.LocalActivitySlotInfo;
import io.temporal.worker.tuning.NexusSlotInfo;
import io.temporal.worker.tuning.SlotInfo;
import io.temporal.worker.tuning.SlotMarkUsedContext;
import io.temporal.worker.tuning.SlotPermit;
import io.temporal.worker.tuning.SlotReleaseContext;
import io.temporal.worker.tuning.SlotReserveContext;
import io.temporal.worker.tuning.SlotSupplier;
import io.temporal.worker.tuning.SlotSupplierFuture;
import io.temporal.worker.tuning.WorkerTuner;
import io.temporal.worker.tuning.WorkflowSlotInfo;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tasks the workers are running, and since when: every worker's task slots go through it (the
 * SDK's own fixed-size slots, wrapped), so that liveness can tell a worker thread stuck on one task
 * from a busy one.
 */
final class TaskWatch {

  /** The SDK's default number of concurrent activities per worker; this application runs none. */
  private static final int ACTIVITY_SLOTS = 200;

  private record Running(String task, long sinceNanos) {}

  private final Map<SlotPermit, Running> running = new ConcurrentHashMap<>();

  /** A tuner for one worker, with these slot counts, whose used slots are watched. */
  WorkerTuner tuner(int workflowSlots, int nexusSlots) {
    return new CompositeTuner(
        new Watched<WorkflowSlotInfo>(workflowSlots),
        new Watched<ActivitySlotInfo>(ACTIVITY_SLOTS),
        new Watched<LocalActivitySlotInfo>(ACTIVITY_SLOTS),
        new Watched<NexusSlotInfo>(nexusSlots));
  }

  /** The task that has run longest, when it has run longer than {@code limit}. */
  Optional<String> longestOver(Duration limit) {
    long now = System.nanoTime();
    return running.values().stream()
        .min(Comparator.comparingLong(Running::sinceNanos))
        .filter(oldest -> now - oldest.sinceNanos() > limit.toNanos())
        .map(
            oldest ->
                oldest.task()
                    + " has been running for "
                    + Duration.ofNanos(now - oldest.sinceNanos()).toSeconds()
                    + " s");
  }

  /** How many tasks are running now. */
  int runningCount() {
    return running.size();
  }

  private static String describe(SlotInfo info) {
    if (info instanceof WorkflowSlotInfo workflow) {
      return "Workflow task of " + workflow.getWorkflowType() + " " + workflow.getWorkflowId();
    }
    if (info instanceof NexusSlotInfo nexus) {
      return "Nexus task "
          + nexus.getService()
          + "/"
          + nexus.getOperation()
          + " (task queue "
          + nexus.getTaskQueue()
          + ")";
    }
    return info.getClass().getSimpleName();
  }

  /** The SDK's fixed-size slots, noting when each is put to use and when it is released. */
  private final class Watched<SI extends SlotInfo> implements SlotSupplier<SI> {

    private final FixedSizeSlotSupplier<SI> slots;

    Watched(int size) {
      slots = new FixedSizeSlotSupplier<>(size);
    }

    @Override
    public SlotSupplierFuture reserveSlot(SlotReserveContext<SI> context) throws Exception {
      return slots.reserveSlot(context);
    }

    @Override
    public Optional<SlotPermit> tryReserveSlot(SlotReserveContext<SI> context) {
      return slots.tryReserveSlot(context);
    }

    @Override
    public void markSlotUsed(SlotMarkUsedContext<SI> context) {
      running.put(
          context.getSlotPermit(), new Running(describe(context.getSlotInfo()), System.nanoTime()));
      slots.markSlotUsed(context);
    }

    @Override
    public void releaseSlot(SlotReleaseContext<SI> context) {
      running.remove(context.getSlotPermit());
      slots.releaseSlot(context);
    }

    @Override
    public Optional<Integer> getMaximumSlots() {
      return slots.getMaximumSlots();
    }
  }
}
