package io.moviestatus.ingest;

/**
 * TMDB answered 2xx but the body is not the expected JSON (truncated, malformed, or missing the
 * fields every response of that endpoint has). Never turned into an empty page.
 */
public final class TmdbMalformedResponseException extends TmdbException {
  private static final long serialVersionUID = 1L;

  public TmdbMalformedResponseException(String message) {
    super(message);
  }

  public TmdbMalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
