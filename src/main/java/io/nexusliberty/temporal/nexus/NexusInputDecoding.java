package io.nexusliberty.temporal.nexus;

import java.util.Optional;

/**
 * Marks the time on a Nexus task thread between the start of an operation and its handler, when the
 * SDK decodes the caller's input, and holds what was wrong with that input.
 *
 * <p>The SDK turns any decoding exception into a retryable internal error. Inside this window
 * {@link NexusInputDataConverter} records the problem and lets the call go on with no input, and
 * {@link NexusInputInterceptor} then fails the operation as the caller's fault.
 */
final class NexusInputDecoding {

  /** The problem found in this thread's input; {@link #NONE} while decoding finds none. */
  private static final ThreadLocal<String> PROBLEM = new ThreadLocal<>();

  private static final String NONE = "";

  private NexusInputDecoding() {}

  /** Opens the window: the next payload this thread decodes is an operation's input. */
  static void begin() {
    PROBLEM.set(NONE);
  }

  /** Whether this thread is decoding an operation's input now. */
  static boolean inProgress() {
    return PROBLEM.get() != null;
  }

  /** Records what is wrong with the input being decoded; the first problem found is kept. */
  static void reject(String problem) {
    if (NONE.equals(PROBLEM.get())) {
      PROBLEM.set(problem);
    }
  }

  /** Closes the window, and says what was wrong with the input, if anything. */
  static Optional<String> end() {
    String problem = PROBLEM.get();
    PROBLEM.remove();
    return problem == null || problem.isEmpty() ? Optional.empty() : Optional.of(problem);
  }
}
