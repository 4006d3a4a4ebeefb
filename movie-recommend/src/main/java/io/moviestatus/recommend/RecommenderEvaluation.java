package io.moviestatus.recommend;

/**
 * The evaluation of ALS against the bias baseline on one seeded split (metrics on the test ratings
 * whose user and movie appear in train + validation; ranking metrics over the test users with at
 * least one relevant held-out rating, candidates = every training movie the user has not rated in
 * training).
 */
public record RecommenderEvaluation(
    int rank,
    double regParam,
    long trainSize,
    long validationSize,
    long testSize,
    double validationRmse,
    double rmse,
    double precisionAtK,
    double ndcgAtK,
    double baselineRmse,
    double baselinePrecisionAtK,
    double baselineNdcgAtK,
    double seconds) {

  /** A short multi-line table. */
  @Override
  public String toString() {
    return String.format(
        "chosen rank %d, regParam %s (validation RMSE %.4f); train %d, validation %d, test %d%n"
            + "             RMSE    precision@k  NDCG@k%n"
            + "ALS          %.4f  %.4f       %.4f%n"
            + "bias baseline %.4f %.4f       %.4f%n"
            + "time %.1f s",
        rank,
        regParam,
        validationRmse,
        trainSize,
        validationSize,
        testSize,
        rmse,
        precisionAtK,
        ndcgAtK,
        baselineRmse,
        baselinePrecisionAtK,
        baselineNdcgAtK,
        seconds);
  }
}
