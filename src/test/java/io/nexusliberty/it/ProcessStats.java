package io.nexusliberty.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What Linux says of a running process ({@code /proc/<pid>}): the CPU time all its threads have
 * used, its resident memory and its number of threads.
 */
record ProcessStats(long pid) implements CpuMeter {

  /**
   * Linux's clock tick for {@code /proc/<pid>/stat} times (USER_HZ, 100 on every common kernel).
   */
  private static final long TICKS_PER_SECOND = 100;

  /** CPU time used so far, user and system, all threads. */
  @Override
  public Duration cpu() {
    String stat = read("stat");
    // The command name (field 2) may contain spaces: fields are counted after its ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
  }

  /** Resident set size, in MiB. */
  long rssMib() {
    return statusValue("VmRSS:") / 1024;
  }

  /** Live threads. */
  long threads() {
    return statusValue("Threads:");
  }

  private long statusValue(String key) {
    return read("status")
        .lines()
        .filter(line -> line.startsWith(key))
        .map(line -> line.substring(key.length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No " + key + " for process " + pid));
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(pid), file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read /proc/" + pid + "/" + file, e);
    }
  }
}
