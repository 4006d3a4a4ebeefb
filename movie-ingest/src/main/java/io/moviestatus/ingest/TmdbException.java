package io.moviestatus.ingest;

/**
 * A TMDB call failed. Messages are one line, name the cause and never hold the credential.
 *
 * @see TmdbApiException
 * @see TmdbUnavailableException
 * @see TmdbMalformedResponseException
 */
public class TmdbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TmdbException(String message) {
    super(message);
  }

  public TmdbException(String message, Throwable cause) {
    super(message, cause);
  }
}
