package io.moviestatus.recommend;

/**
 * The ranking model's candidate families, chosen by validation NDCG@k.
 *
 * <ul>
 *   <li>{@link #IALS}: implicit-feedback ALS ({@link RankingModel}), Spark-native, any catalogue;
 *   <li>{@link #EASE}: EASE with a taste term ({@link Ease}), fitted on the driver over the movies
 *       with enough ratings, tried only when their count is within the configured bound.
 * </ul>
 */
public enum RankingFamily {
  IALS,
  EASE
}
