package io.moviestatus.recommend;

/**
 * One recommended movie.
 *
 * @param rank 1 = best
 * @param score predicted rating (0.5–5) for {@code als}; the weighted rating (0–10) or the baseline
 *     item score (0.5–5) for {@code cold_start}
 * @param source {@code als} or {@code cold_start}
 */
public record Recommendation(int rank, int movieId, float score, String source) {}
