package io.moviestatus.recommend;

import java.util.List;

/**
 * One recommended movie.
 *
 * @param rank 1 = best
 * @param score the rating model's predicted rating (0.5–5) for {@code als}; for {@code cold_start}
 *     the weighted rating (0–10), or μ + b_i (0.5–5) when there are no rankings
 * @param source {@code als} or {@code cold_start}
 * @param becauseMovieIds up to 3 movies the user rated most similar to this one (empty for cold
 *     start)
 */
public record Recommendation(
    int rank, int movieId, float score, String source, List<Integer> becauseMovieIds) {

  public Recommendation {
    becauseMovieIds = List.copyOf(becauseMovieIds);
  }
}
