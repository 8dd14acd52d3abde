package io.nexusliberty.temporal.connection;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the connectivity of the channel to Temporal and remembers when it last came back from a
 * failure: calls that failed meanwhile left the SDK's pollers in backoff, so readiness must see
 * them poll again after that moment.
 */
public final class ChannelReconnects {

  private final ManagedChannel channel;
  private final AtomicReference<Instant> lastReconnect = new AtomicReference<>(Instant.now());
  private volatile boolean failedSinceReady;
  private volatile Instant lastRecovery;
  private volatile boolean closed;

  private ChannelReconnects(ManagedChannel channel) {
    this.channel = channel;
  }

  /** Starts following this channel until {@link #close}. */
  public static ChannelReconnects follow(ManagedChannel channel) {
    ChannelReconnects reconnects = new ChannelReconnects(channel);
    reconnects.watch(channel.getState(false));
    return reconnects;
  }

  private void watch(ConnectivityState current) {
    if (closed || current == ConnectivityState.SHUTDOWN) {
      return;
    }
    channel.notifyWhenStateChanged(
        current,
        () -> {
          ConnectivityState next = channel.getState(false);
          if (next == ConnectivityState.TRANSIENT_FAILURE) {
            failedSinceReady = true;
          } else if (next == ConnectivityState.READY && failedSinceReady) {
            failedSinceReady = false;
            Instant now = Instant.now();
            lastReconnect.set(now);
            lastRecovery = now;
          }
          watch(next);
        });
  }

  /** When the channel last became ready after a failure (or when following began). */
  public Instant lastReconnect() {
    return lastReconnect.get();
  }

  /** When the channel last became ready after a failure; empty while it never failed. */
  public Optional<Instant> lastRecovery() {
    return Optional.ofNullable(lastRecovery);
  }

  public void close() {
    closed = true;
  }
}
