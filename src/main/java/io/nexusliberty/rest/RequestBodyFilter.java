package io.nexusliberty.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads request bodies without holding a thread: the body arrives through non-blocking reads, up to
 * {@link JsonRequest#MAX_BODY_BYTES} and within {@link #BODY_TIMEOUT} (4 s), and only then does the
 * API see the request, dispatched again by the container with the whole body in memory. A slow or
 * stalled client costs a little memory, never a thread, so it cannot starve health checks or other
 * calls; it is answered 408 when the time is up, 413 when the body grows past the limit, 400 when
 * it is not valid HTTP.
 */
public class RequestBodyFilter extends HttpFilter {

  /** The request attribute carrying the {@link Outcome} of reading the body to the dispatch. */
  private static final String OUTCOME = RequestBodyFilter.class.getName() + ".outcome";

  /** How long a client may take to send its request body. */
  static final Duration BODY_TIMEOUT = Duration.ofSeconds(4);

  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "request-body-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public void destroy() {
    deadlines.shutdownNow();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ASYNC
        && request.getAttribute(OUTCOME) instanceof ReadOutcome read
        && read.get() != null) {
      Outcome outcome = read.getAndSet(null);
      request.removeAttribute(OUTCOME);
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
    ReadOutcome outcome = new ReadOutcome();
    request.setAttribute(OUTCOME, outcome);
    AsyncContext async = request.startAsync();
    // No container timeout: once the body is in, the call may wait for its workflow's result.
    async.setTimeout(0);
    ServletInputStream input = request.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    AtomicBoolean answered = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              if (answered.compareAndSet(false, true)) {
                resume(
                    async,
                    outcome,
                    Outcome.refused(HttpStatuses.problem(408).with("field", "body")));
              }
            },
            BODY_TIMEOUT.toMillis(),
            TimeUnit.MILLISECONDS);
    input.setReadListener(
        new ReadListener() {
          private final byte[] buffer = new byte[4096];

          @Override
          public void onDataAvailable() throws IOException {
            // Once answered (413, 408), nothing more is read or kept.
            while (!answered.get() && input.isReady() && !input.isFinished()) {
              int read = input.read(buffer);
              if (read < 0) {
                return;
              }
              received.write(buffer, 0, read);
              if (received.size() > JsonRequest.MAX_BODY_BYTES
                  && answered.compareAndSet(false, true)) {
                deadline.cancel(false);
                resume(async, outcome, Outcome.refused(JsonRequest.tooLarge()));
              }
            }
          }

          @Override
          public void onAllDataRead() {
            if (answered.compareAndSet(false, true)) {
              deadline.cancel(false);
              resume(async, outcome, Outcome.read(received.toByteArray()));
            }
          }

          @Override
          public void onError(Throwable failure) {
            if (answered.compareAndSet(false, true)) {
              deadline.cancel(false);
              resume(
                  async,
                  outcome,
                  Outcome.refused(
                      timedOut(failure)
                          ? HttpStatuses.problem(408).with("field", "body")
                          : JsonRequest.unreadable()));
            }
          }
        });
  }

  /**
   * Hands the request back to the container, which runs it again through this filter with the
   * outcome. The dispatch is made from a new thread of its own: Liberty runs read callbacks with
   * the request thread's context as it was when reading began (that thread may have moved on to
   * another request since), and keeps per-thread request state that a reused thread would carry
   * from one request's dispatch to the next.
   */
  private static void resume(AsyncContext async, ReadOutcome holder, Outcome outcome) {
    holder.set(outcome);
    Thread dispatcher =
        new Thread(
            () -> {
              try {
                async.dispatch();
              } catch (IllegalStateException e) {
                // The client went away and the container completed the request: nothing to answer.
              }
            },
            "request-body-dispatch");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** Where the reader leaves the outcome for the dispatch; set once, taken once. */
  private static final class ReadOutcome extends AtomicReference<Outcome> {}

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

  /** The request with its body already read. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body has already been read");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
