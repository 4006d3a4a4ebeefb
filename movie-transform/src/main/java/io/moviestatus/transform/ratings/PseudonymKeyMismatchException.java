package io.moviestatus.transform.ratings;

/**
 * The pseudonymisation key of a {@link RatingsImport} is not the key {@code ratings_fact} was built
 * with (or a key rotation is unfinished): the import refused before writing anything. The message
 * is one line that names both keys by fingerprint prefix, never by value, and says what to run.
 */
public final class PseudonymKeyMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PseudonymKeyMismatchException(String message) {
    super(message);
  }
}
