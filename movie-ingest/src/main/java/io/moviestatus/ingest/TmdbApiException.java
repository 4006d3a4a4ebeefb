package io.moviestatus.ingest;

import java.time.Duration;
import java.util.Optional;

/**
 * TMDB answered with an HTTP error. TMDB's error body ({@code
 * {"status_code":7,"status_message":"…", "success":false}}) gives {@link #tmdbStatusCode()} and the
 * message.
 */
public final class TmdbApiException extends TmdbException {
  private static final long serialVersionUID = 1L;

  /** {@link #tmdbStatusCode()} when the error body carried no TMDB {@code status_code}. */
  public static final int NO_TMDB_STATUS_CODE = -1;

  private final int httpStatus;
  private final int tmdbStatusCode;
  private final transient Duration retryAfter;

  public TmdbApiException(int httpStatus, int tmdbStatusCode, String message) {
    this(httpStatus, tmdbStatusCode, message, null);
  }

  TmdbApiException(int httpStatus, int tmdbStatusCode, String message, Duration retryAfter) {
    super(message);
    this.httpStatus = httpStatus;
    this.tmdbStatusCode = tmdbStatusCode;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status of the response, e.g. 401. */
  public int httpStatus() {
    return httpStatus;
  }

  /** TMDB's {@code status_code} (e.g. 7 invalid key, 34 not found, 25 rate limit), or -1. */
  public int tmdbStatusCode() {
    return tmdbStatusCode;
  }

  /** True for the statuses worth another attempt: 429 and 5xx. */
  public boolean isRetryable() {
    return httpStatus == 429 || httpStatus >= 500;
  }

  /** The server's {@code Retry-After}, when it sent one in seconds. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
