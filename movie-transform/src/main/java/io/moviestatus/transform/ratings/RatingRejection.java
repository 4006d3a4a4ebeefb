package io.moviestatus.transform.ratings;

/**
 * Why a rating record was quarantined (entity {@code rating}); the quarantine table stores {@link
 * #code()}. Checks run in declaration order and the first failing one is the reason.
 */
public enum RatingRejection {
  /** Not a record of the format: wrong number of CSV fields, or not a JSON object. */
  MALFORMED_LINE("malformed_line"),
  /** No user id (absent or blank). */
  MISSING_USER("missing_user"),
  /** No movie id, or not a positive INT. */
  MISSING_MOVIE("missing_movie"),
  /** Rating absent, not a number, or not one of 0.5, 1.0, …, 5.0. */
  RATING_OUT_OF_SCALE("rating_out_of_scale"),
  /** Timestamp absent, or neither ISO-8601 nor epoch seconds. */
  UNPARSEABLE_TIMESTAMP("unparseable_timestamp"),
  /** MovieLens movie that links.csv maps to no TMDB id. */
  NO_TMDB_ID("no_tmdb_id");

  private final String code;

  RatingRejection(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
