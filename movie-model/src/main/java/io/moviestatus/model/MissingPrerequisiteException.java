package io.moviestatus.model;

/**
 * What a run needs is not there yet: no lake at the given path, or a table an earlier stage writes
 * (e.g. {@code status_fact} before gold, {@code movie_rankings} before the report, {@code
 * ratings_fact} before the recommender). The message says what is missing and which command to run
 * first. The job runners exit with code 7.
 *
 * <p>An {@link IllegalStateException}, as these failures were before they had a type of their own.
 */
public final class MissingPrerequisiteException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public MissingPrerequisiteException(String message) {
    super(message);
  }

  public MissingPrerequisiteException(String message, Throwable cause) {
    super(message, cause);
  }
}
