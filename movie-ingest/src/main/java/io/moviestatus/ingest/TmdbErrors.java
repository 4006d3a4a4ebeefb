package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import io.moviestatus.ingest.TmdbRetryPolicy.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps TMDB failures to the client's exceptions: an HTTP error to {@link TmdbApiException}, retries
 * used up to {@link TmdbUnavailableException}, a 2xx body that is not the expected JSON to {@link
 * TmdbMalformedResponseException}. Every message is redacted.
 */
final class TmdbErrors {

  private static final Logger LOG = LoggerFactory.getLogger(TmdbErrors.class);
  private static final int SNIPPET = 200;

  private final Redactor redactor;
  private final Clock clock;

  TmdbErrors(Redactor redactor, Clock clock) {
    this.redactor = requireNonNull(redactor, "redactor is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** An HTTP error response: TMDB's error body gives the code and message when it has one. */
  TmdbApiException apiError(int status, String body, String retryAfterHeader) {
    Optional<TmdbJson.ErrorBody> error = TmdbJson.errorBody(body);
    int code =
        error.map(TmdbJson.ErrorBody::statusCode).orElse(TmdbApiException.NO_TMDB_STATUS_CODE);
    String codePart = code == TmdbApiException.NO_TMDB_STATUS_CODE ? "" : ", status_code " + code;
    String prefix =
        switch (status) {
          case 401 ->
              "TMDB rejected the credentials ("
                  + (code == TmdbApiException.NO_TMDB_STATUS_CODE
                      ? "HTTP 401"
                      : "status_code " + code)
                  + ")";
          case 404 -> "TMDB resource not found (HTTP 404" + codePart + ")";
          case 429 -> "TMDB rate limit exceeded (HTTP 429" + codePart + ")";
          default -> "TMDB request failed (HTTP " + status + codePart + ")";
        };
    String detail = error.map(TmdbJson.ErrorBody::statusMessage).orElseGet(() -> snippet(body));
    String message = detail.isBlank() ? prefix : prefix + ": " + detail;
    return new TmdbApiException(
        status, code, redactor.redact(message), parseRetryAfter(retryAfterHeader));
  }

  /** A 2xx body that is not the JSON {@code what} needs. */
  TmdbMalformedResponseException malformed(
      String what, int status, String body, RuntimeException problem) {
    return new TmdbMalformedResponseException(
        redactor.redact(
            "TMDB returned a malformed "
                + what
                + " response (HTTP "
                + status
                + ", "
                + body.length()
                + " chars): "
                + problem.getMessage()));
  }

  /**
   * The exception to throw for the failure a request of {@code what} ended with after its retries.
   */
  RuntimeException afterRetries(String what, RuntimeException failure, int attempts) {
    if (failure instanceof TmdbApiException api) {
      if (api.isRetryable()) {
        return unavailable(what, attempts, api);
      }
      LOG.debug("TMDB {} failed: {}", what, api.getMessage());
      return api;
    }
    if (failure instanceof TransientFailure transientFailure) {
      return unavailable(what, attempts, transientFailure.getCause());
    }
    if (failure instanceof RateLimitExceededException) {
      return new TmdbException("TMDB " + what + ": client-side rate limit wait exceeded", failure);
    }
    if (failure instanceof FailsafeException) {
      Throwable cause = failure.getCause() == null ? failure : failure.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return new TmdbException("Interrupted while fetching TMDB " + what, cause);
      }
      return new TmdbException(
          "TMDB " + what + " failed: " + describe(cause), redactor.safeCause(cause));
    }
    return failure;
  }

  private TmdbUnavailableException unavailable(String what, int attempts, Throwable lastFailure) {
    return new TmdbUnavailableException(
        attempts,
        "TMDB API unreachable after "
            + attempts
            + " attempts: "
            + describe(lastFailure)
            + " ("
            + what
            + ")",
        redactor.safeCause(lastFailure));
  }

  /** One redacted line naming a failure. */
  String describe(Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    if (failure instanceof TransientFailure && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof TmdbException) {
      return redactor.redact(failure.getMessage());
    }
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return redactor.redact(message == null ? type : type + ": " + message);
  }

  private Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String snippet(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }
}
