package io.nexusliberty.web;

import io.nexusliberty.api.DirectCalls;
import io.nexusliberty.api.problem.ApiProblem;
import io.nexusliberty.api.problem.HttpStatuses;
import io.nexusliberty.api.problem.ProblemResponses;
import io.nexusliberty.api.problem.RequestLimits;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads request bodies without holding a thread: the body arrives through non-blocking reads, up to
 * {@link RequestLimits#MAX_BODY_BYTES} and within {@link RequestLimits#BODY_TIMEOUT} (4 s), and
 * only then does the API see the request, dispatched again by the container with the whole body in
 * memory. A slow or stalled client costs a little memory, never a thread (the request's thread
 * waits at most {@link #HAND_BACK_WAIT} for it), so it cannot starve health checks or other calls;
 * it is answered 408 when the time is up, 413 when the body grows past the limit, 400 when it is
 * not valid HTTP.
 */
public class RequestBodyFilter extends HttpFilter {

  /** The request attribute carrying the {@link BodyRead} to the dispatch that follows it. */
  private static final String BODY_READ = RequestBodyFilter.class.getName() + ".read";

  /**
   * How long the request's thread waits for a body that came with its headers to be read, so that
   * it hands the request back itself; a slower body is handed back by a thread of its own.
   */
  private static final Duration HAND_BACK_WAIT = Duration.ofMillis(20);

  /** Answers a plain call where its body was read, without a second dispatch. */
  @Inject DirectCalls directCalls;

  /** The 408 of each body being read; a body read in time takes its deadline out at once. */
  private final ScheduledThreadPoolExecutor deadlines = deadlineExecutor();

  private static ScheduledThreadPoolExecutor deadlineExecutor() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "request-body-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // A cancelled deadline would otherwise keep its request, body included, for 4 s.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @Override
  public void destroy() {
    deadlines.shutdownNow();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ASYNC
        && request.getAttribute(BODY_READ) instanceof BodyRead read
        && read.get() != null) {
      Outcome outcome = read.get();
      request.removeAttribute(BODY_READ);
      if (outcome.refusal() != null) {
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, outcome.refusal());
      } else {
        chain.doFilter(new BufferedBody(request, outcome.body()), response);
      }
      return;
    }
    // Only a POST's body is read by the API; other methods with a body answer 405 unread.
    if (!request.getMethod().equals("POST")
        || request.getDispatcherType() != DispatcherType.REQUEST
        || !request.isAsyncSupported()
        || request.getContentLengthLong() == 0
        || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getHeader("Upgrade") != null) {
      // Liberty does not upgrade a request whose body is read this way, and a connection that
      // carried one fails the client's next upgrade attempt (h2c): let the client start afresh.
      response.setHeader("Connection", "close");
    }
    AsyncContext async = request.startAsync();
    // No container timeout: once the body is in, the call may wait for its workflow's result.
    async.setTimeout(0);
    BodyRead read = new BodyRead(async, response, directCalls, directCalls.plainCall(request));
    request.setAttribute(BODY_READ, read);
    ServletInputStream input = request.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    read.deadline =
        deadlines.schedule(
            () -> read.finish(Outcome.refused(HttpStatuses.problem(408).with("field", "body"))),
            RequestLimits.BODY_TIMEOUT.toMillis(),
            TimeUnit.MILLISECONDS);
    input.setReadListener(
        new ReadListener() {
          private final byte[] buffer = new byte[4096];

          @Override
          public void onDataAvailable() throws IOException {
            // Once answered (413, 408), nothing more is read or kept.
            while (!read.isFinished() && input.isReady() && !input.isFinished()) {
              int count = input.read(buffer);
              if (count < 0) {
                return;
              }
              received.write(buffer, 0, count);
              if (received.size() > RequestLimits.MAX_BODY_BYTES) {
                read.finish(Outcome.refused(RequestLimits.tooLarge()));
              }
            }
          }

          @Override
          public void onAllDataRead() {
            read.finish(Outcome.read(received.toByteArray()));
          }

          @Override
          public void onError(Throwable failure) {
            read.finish(
                Outcome.refused(
                    timedOut(failure)
                        ? HttpStatuses.problem(408).with("field", "body")
                        : RequestLimits.unreadable()));
          }
        });
    // Read callbacks run on Liberty's threads; the body that came with its headers is read while
    // this thread waits a moment, and this thread, the request's own, then hands it back.
    read.leaveRequestThread();
  }

  /**
   * One request's body read: its outcome, set once by whichever comes first (the whole body, the
   * size limit, the deadline, a broken connection), and then the hand-back to the container, which
   * runs the request again through this filter with the outcome.
   */
  private static final class BodyRead extends AtomicReference<Outcome> {
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final DirectCalls directCalls;

    /** The request as a plain call, answered where its body's end is read; null for JAX-RS's. */
    private final DirectCalls.PlainCall plainCall;

    private volatile ScheduledFuture<?> deadline;

    /** Opens when the read settles while the request's thread still waits in the filter. */
    private final CountDownLatch settledInTime = new CountDownLatch(1);

    /** Whether the request's thread has left the filter; guarded by this. */
    private boolean requestThreadLeft;

    BodyRead(
        AsyncContext async,
        HttpServletResponse response,
        DirectCalls directCalls,
        DirectCalls.PlainCall plainCall) {
      this.async = async;
      this.response = response;
      this.directCalls = directCalls;
      this.plainCall = plainCall;
    }

    /**
     * The request's thread leaves the filter, after a moment's wait for a body that came with its
     * headers: it dispatches itself if the read settled by then, so that no other thread must. A
     * plain call's thread does not wait: its body is answered wherever its end is read.
     */
    void leaveRequestThread() {
      if (plainCall == null) {
        try {
          settledInTime.await(HAND_BACK_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      boolean settled;
      synchronized (this) {
        requestThreadLeft = true;
        settled = settledInTime.getCount() == 0;
      }
      if (settled) {
        dispatch();
      }
    }

    boolean isFinished() {
      return get() != null;
    }

    /**
     * Settles the read, unless it is settled already, and hands the request on. A plain call with
     * its whole body is answered on this thread, whichever it is (the request's own, or the one
     * that read the body's end): no thread is made or waited for. Otherwise the request goes back
     * to the container. The request's own thread does that when the body came with its headers
     * (read while that thread waits a moment in the filter, {@link #HAND_BACK_WAIT}); otherwise a
     * new thread of its own does: Liberty runs read callbacks with the request thread's context as
     * it was when reading began (that thread may have moved on to another request since), and keeps
     * request state on the thread that dispatches, which a reused thread carries from one request
     * to the next (a pool of them, or Liberty's own async threads, gave requests other requests'
     * query parameters).
     */
    void finish(Outcome outcome) {
      if (!compareAndSet(null, outcome)) {
        return;
      }
      ScheduledFuture<?> pending = deadline;
      if (pending != null) {
        pending.cancel(false);
      }
      if (plainCall != null && outcome.body() != null) {
        directCalls.answer(plainCall, outcome.body(), response, async);
        return;
      }
      synchronized (this) {
        if (!requestThreadLeft) {
          settledInTime.countDown();
          return;
        }
      }
      Thread dispatcher = new Thread(this::dispatch, "request-body-dispatch");
      dispatcher.setDaemon(true);
      dispatcher.start();
    }

    /** Hands the request back to the container, with its body or its refusal. */
    private void dispatch() {
      try {
        async.dispatch();
      } catch (IllegalStateException e) {
        // The client went away and the container completed the request: nothing to answer.
      }
    }
  }

  /** What reading the body came to: the whole body, or the refusal to answer with. */
  private record Outcome(byte[] body, ApiProblem refusal) {
    static Outcome read(byte[] body) {
      return new Outcome(body, null);
    }

    static Outcome refused(ApiProblem refusal) {
      return new Outcome(null, refusal);
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException
          || cause.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }
}
