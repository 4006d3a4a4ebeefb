package io.moviestatus.ingest;

import java.util.List;

/**
 * One movie of a discover snapshot (TMDB's discover result fields), with its rank.
 *
 * @param rank 1-based position in the popularity listing (its best one if TMDB repeated it)
 */
public record DiscoverMovie(
    int rank,
    long id,
    String title,
    String originalTitle,
    String originalLanguage,
    String overview,
    String posterPath,
    String backdropPath,
    String releaseDate,
    List<Long> genreIds,
    Double popularity,
    Double voteAverage,
    Long voteCount,
    Boolean adult,
    Boolean video) {

  public DiscoverMovie {
    genreIds = genreIds == null ? List.of() : List.copyOf(genreIds);
  }
}
