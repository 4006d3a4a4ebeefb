package io.moviestatus.transform.ratings;

/** The rating file formats {@link RatingsImport} reads. */
public enum RatingsFormat {
  /**
   * MovieLens: {@code ratings.csv} ({@code userId,movieId,rating,timestamp}, epoch seconds) plus
   * {@code links.csv} ({@code movieId,imdbId,tmdbId}) mapping MovieLens ids to TMDB ids.
   */
  MOVIELENS("movielens"),
  /**
   * Rating events: CSV with the header {@code user_id,movie_id,rating,rated_at}, or JSON lines with
   * those fields ({@code .json}, {@code .jsonl}, {@code .ndjson}); {@code movie_id} is a TMDB id,
   * {@code rated_at} ISO-8601 or epoch seconds.
   */
  EVENTS("events");

  /** Bronze folder of MovieLens links files: {@code <lake>/bronze/ratings/movielens_links}. */
  static final String LINKS_FOLDER = "movielens_links";

  private final String folder;

  RatingsFormat(String folder) {
    this.folder = folder;
  }

  /** The folder under {@code <lake>/bronze/ratings}. */
  public String folder() {
    return folder;
  }

  /** Parses {@code movielens} or {@code events} (case-insensitive). */
  public static RatingsFormat parse(String text) {
    for (RatingsFormat format : values()) {
      if (format.folder.equalsIgnoreCase(text == null ? "" : text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown ratings format '" + text + "' (expected movielens or events)");
  }
}
