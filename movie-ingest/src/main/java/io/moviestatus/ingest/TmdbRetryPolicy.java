package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a TMDB request is tried again: on I/O errors, timeouts, 5xx and 429, with exponential
 * backoff and jitter, honouring the server's {@code Retry-After}.
 */
final class TmdbRetryPolicy {

  /** A {@code Retry-After} longer than this is cut to it. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** Jitter factor of retry delays: a delay d becomes a random one in [0.75 d, 1.25 d]. */
  static final double JITTER = 0.25;

  private static final Logger LOG = LoggerFactory.getLogger(TmdbRetryPolicy.class);

  /** An I/O failure of one attempt (retried). */
  static final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientFailure(IOException cause) {
      super(cause);
    }
  }

  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final TmdbErrors errors;

  TmdbRetryPolicy(int maxAttempts, Duration backoffBase, Duration backoffMax, TmdbErrors errors) {
    this.maxAttempts = maxAttempts;
    this.backoffBase = requireNonNull(backoffBase, "backoffBase is null");
    this.backoffMax = requireNonNull(backoffMax, "backoffMax is null");
    this.errors = requireNonNull(errors, "errors is null");
  }

  /** Attempts per request, the first included. */
  int maxAttempts() {
    return maxAttempts;
  }

  /** The policy for one request; {@code what} names it in the retry log lines. */
  <T> RetryPolicy<T> forRequest(String what) {
    return RetryPolicy.<T>builder()
        .handleIf(TmdbRetryPolicy::isRetryable)
        .withMaxAttempts(maxAttempts)
        .withBackoff(backoffBase, backoffMax)
        .withJitter(JITTER)
        .withDelayFnOn(
            context -> retryAfterDelay(context.getLastException()), TmdbApiException.class)
        .onRetryScheduled(
            event ->
                LOG.warn(
                    "TMDB {}: attempt {}/{} failed ({}); retrying in {} ms",
                    what,
                    event.getAttemptCount(),
                    maxAttempts,
                    errors.describe(event.getLastException()),
                    event.getDelay().toMillis()))
        .build();
  }

  static boolean isRetryable(Throwable failure) {
    return failure instanceof TransientFailure
        || (failure instanceof TmdbApiException api && api.isRetryable());
  }

  /**
   * The delay before the next attempt when the server sent {@code Retry-After}: scaled so that
   * Failsafe's jitter (±{@value #JITTER}) never brings it below the server's value. Negative (use
   * the exponential backoff) otherwise.
   */
  static Duration retryAfterDelay(Throwable failure) {
    if (failure instanceof TmdbApiException api && api.retryAfter().isPresent()) {
      Duration retryAfter = api.retryAfter().get();
      if (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
        retryAfter = MAX_RETRY_AFTER;
      }
      return Duration.ofNanos((long) Math.ceil(retryAfter.toNanos() / (1 - JITTER)));
    }
    return Duration.ofNanos(-1);
  }
}
