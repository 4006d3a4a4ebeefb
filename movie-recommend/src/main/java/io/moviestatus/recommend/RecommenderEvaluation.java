package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;

/**
 * The evaluation of the recommender against two baselines on one seeded split. Test metrics use the
 * held-out ratings whose user and movie appear in train + validation; ranking metrics average over
 * the test users with at least one relevant held-out rating (≥ 4), candidates = every movie of
 * train + validation the user has not rated there.
 *
 * @param tuning parameters chosen on validation
 * @param model the recommender: lists from the ranking model, RMSE of the rating model
 * @param biasBaseline μ + b_u + b_i: lists by b_i, its RMSE
 * @param mostPopular lists by training rating count; no RMSE
 * @param seconds wall time of tuning and evaluation (and of the final fit when {@link
 *     Recommender#run()} made it)
 */
public record RecommenderEvaluation(
    Tuning tuning,
    long trainSize,
    long validationSize,
    long testSize,
    Metrics model,
    Metrics biasBaseline,
    Metrics mostPopular,
    double seconds) {

  public RecommenderEvaluation {
    requireNonNull(tuning, "tuning is null");
    requireNonNull(model, "model is null");
    requireNonNull(biasBaseline, "biasBaseline is null");
    requireNonNull(mostPopular, "mostPopular is null");
  }

  /** Test RMSE of the rating model. */
  public double rmse() {
    return model.rmse();
  }

  /** Test precision@k of the ranking model's lists. */
  public double precisionAtK() {
    return model.precisionAtK();
  }

  public double baselineRmse() {
    return biasBaseline.rmse();
  }

  public double baselinePrecisionAtK() {
    return biasBaseline.precisionAtK();
  }

  RecommenderEvaluation withSeconds(double seconds) {
    return new RecommenderEvaluation(
        tuning, trainSize, validationSize, testSize, model, biasBaseline, mostPopular, seconds);
  }

  /** A short multi-line table. */
  @Override
  public String toString() {
    return String.format(
            "ranking model: %s (validation NDCG@k: implicit ALS %.4f, EASE %.4f)%n"
                + "implicit ALS rank %d, regParam %s, alpha %s, confidence %s; EASE lambda %s,"
                + " taste %s, implicit-ALS blend weight %s%n"
                + "rating model: ALS on bias residuals rank %d, regParam %s (validation RMSE %.4f)%n"
                + "train %d, validation %d, test %d%n"
                + "%-28s %-8s %-12s %-8s %-10s %s%n",
            tuning.family(),
            tuning.ialsValidationNdcg(),
            tuning.easeValidationNdcg(),
            tuning.rankingRank(),
            tuning.rankingRegParam(),
            tuning.alpha(),
            tuning.confidence(),
            tuning.easeLambda(),
            tuning.easeTaste(),
            tuning.easeIalsWeight(),
            tuning.ratingRank(),
            tuning.ratingRegParam(),
            tuning.validationRmse(),
            trainSize,
            validationSize,
            testSize,
            "model",
            "RMSE",
            "precision@k",
            "NDCG@k",
            "recall@k",
            "coverage")
        + model.row("recommender (" + tuning.family() + ")")
        + System.lineSeparator()
        + biasBaseline.row("bias baseline")
        + System.lineSeparator()
        + mostPopular.row("most popular")
        + System.lineSeparator()
        + String.format("time %.1f s", seconds);
  }
}
