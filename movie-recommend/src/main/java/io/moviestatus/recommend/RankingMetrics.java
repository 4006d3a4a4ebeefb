package io.moviestatus.recommend;

import java.util.Set;

/**
 * The ranking metrics of one user's list against the user's relevant held-out movies, as Spark's
 * {@code RankingMetrics} defines them (binary relevance):
 *
 * <ul>
 *   <li>precision@k = hits in the first k / k (a list shorter than k still divides by k);
 *   <li>recall@k = hits in the first k / |relevant|;
 *   <li>NDCG@k = DCG / IDCG with DCG = Σ_{i &lt; k, list[i] relevant} 1 / log2(i + 2) and IDCG the
 *       DCG of a list with all min(k, |relevant|) relevant movies first.
 * </ul>
 *
 * Defined for users with at least one relevant movie; averages over such users make the reported
 * figures.
 */
record RankingMetrics(double precision, double ndcg, double recall) {

  static RankingMetrics of(int[] list, Set<Integer> relevant, int k) {
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("no relevant movie: the metrics are undefined");
    }
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    int hits = 0;
    double dcg = 0;
    for (int i = 0; i < Math.min(k, list.length); i++) {
      if (relevant.contains(list[i])) {
        hits++;
        dcg += gain(i);
      }
    }
    double idcg = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      idcg += gain(i);
    }
    return new RankingMetrics((double) hits / k, dcg / idcg, (double) hits / relevant.size());
  }

  private static double gain(int position) {
    return 1.0 / (Math.log(position + 2) / Math.log(2));
  }
}
