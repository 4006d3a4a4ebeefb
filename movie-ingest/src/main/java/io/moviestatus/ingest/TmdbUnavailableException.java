package io.moviestatus.ingest;

/**
 * TMDB could not be reached or kept failing (I/O errors, timeouts, 5xx, 429) for every allowed
 * attempt. The cause is the last attempt's failure.
 */
public final class TmdbUnavailableException extends TmdbException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  public TmdbUnavailableException(int attempts, String message, Throwable lastFailure) {
    super(message, lastFailure);
    this.attempts = attempts;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
