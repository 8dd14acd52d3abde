package io.nexusliberty.it;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The CPU time a process, or a group of processes, has used so far. */
interface CpuMeter {

  Duration cpu();

  /**
   * The processes together with their descendants (a database's sessions, say), each read while it
   * runs: a process that has ended counts no more.
   */
  static CpuMeter ofTrees(List<Long> pids) {
    return () -> {
      Duration total = Duration.ZERO;
      for (long pid : pids) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
          continue;
        }
        for (ProcessHandle process :
            Stream.concat(Stream.of(root.get()), root.get().descendants()).toList()) {
          try {
            total = total.plus(new ProcessStats(process.pid()).cpu());
          } catch (java.io.UncheckedIOException ended) {
            // It ended between the listing and the reading.
          }
        }
      }
      return total;
    };
  }
}
