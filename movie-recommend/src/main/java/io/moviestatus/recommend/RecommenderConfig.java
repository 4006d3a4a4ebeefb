package io.moviestatus.recommend;

import java.util.List;

/**
 * Settings of {@link Recommender}: the seeded split, the tuning grid, ALS iterations, the ranking
 * metrics' cut-off and relevance threshold, and the bias baseline's regularisation.
 *
 * <p>Split: {@code testFraction} of the ratings are held out for the test metrics; of the rest,
 * {@code validationFraction} choose rank and regParam, the remainder fits (defaults 0.2 and 0.25:
 * 60 / 20 / 20). The chosen parameters are then refitted on train + validation and evaluated on
 * test.
 *
 * <pre>{@code
 * RecommenderConfig config = RecommenderConfig.defaults().withSeed(7).withMaxIter(5);
 * }</pre>
 *
 * @param seed seed of the split and of ALS
 * @param ranks ALS ranks to try
 * @param regParams ALS regParams to try
 * @param maxIter ALS iterations per fit
 * @param testFraction share of ratings held out for testing, in (0, 1)
 * @param validationFraction share of the non-test ratings used for tuning, in (0, 1)
 * @param k cut-off of precision@k, NDCG@k and of the stored recommendations
 * @param relevantRating a held-out rating at least this high is relevant (4.0)
 * @param userBiasReg baseline: regularisation of user biases (pseudo-count)
 * @param itemBiasReg baseline: regularisation of item biases (pseudo-count)
 * @param biased true: ALS fits the residuals of the bias baseline and predicts μ + b_u + b_i +
 *     p_u·q_i; false: plain ALS, p_u·q_i
 */
public record RecommenderConfig(
    long seed,
    List<Integer> ranks,
    List<Double> regParams,
    int maxIter,
    double testFraction,
    double validationFraction,
    int k,
    double relevantRating,
    double userBiasReg,
    double itemBiasReg,
    boolean biased) {

  public RecommenderConfig {
    ranks = List.copyOf(ranks);
    regParams = List.copyOf(regParams);
    check(
        !ranks.isEmpty() && ranks.stream().allMatch(r -> r > 0),
        "ranks must be positive: " + ranks);
    check(
        !regParams.isEmpty() && regParams.stream().allMatch(r -> r >= 0),
        "regParams must be >= 0: " + regParams);
    check(maxIter > 0, "maxIter must be positive: " + maxIter);
    check(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1): " + testFraction);
    check(
        validationFraction > 0 && validationFraction < 1,
        "validationFraction must be in (0, 1): " + validationFraction);
    check(k > 0, "k must be positive: " + k);
    check(userBiasReg >= 0 && itemBiasReg >= 0, "bias regularisation must be >= 0");
  }

  /**
   * Seed 42, rank {10, 20} × regParam {0.05, 0.1, 0.2}, 10 iterations, 60/20/20, k 10, relevant ≥
   * 4, bias pseudo-counts 10 and 10, ALS on the baseline's residuals.
   */
  public static RecommenderConfig defaults() {
    return new RecommenderConfig(
        42L, List.of(10, 20), List.of(0.05, 0.1, 0.2), 10, 0.2, 0.25, 10, 4.0, 10, 10, true);
  }

  public RecommenderConfig withSeed(long seed) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  public RecommenderConfig withGrid(List<Integer> ranks, List<Double> regParams) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  public RecommenderConfig withMaxIter(int maxIter) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  public RecommenderConfig withSplit(double testFraction, double validationFraction) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  public RecommenderConfig withBiasReg(double userBiasReg, double itemBiasReg) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  public RecommenderConfig withBiased(boolean biased) {
    return new RecommenderConfig(
        seed,
        ranks,
        regParams,
        maxIter,
        testFraction,
        validationFraction,
        k,
        relevantRating,
        userBiasReg,
        itemBiasReg,
        biased);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
