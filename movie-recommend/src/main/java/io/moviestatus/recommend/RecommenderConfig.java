package io.moviestatus.recommend;

import java.util.List;

/**
 * Settings of {@link Recommender}: the seeded split, the two models' tuning grids, the ranking
 * metrics' cut-off and relevance threshold, the bias baseline's regularisation and the cold-start
 * window.
 *
 * <p>Split: {@code testFraction} of the ratings are held out for the test metrics; of the rest,
 * {@code validationFraction} tune both models, the remainder fits (defaults 0.2 and 0.25: 60 / 20 /
 * 20). The chosen parameters are then refitted on train + validation and evaluated on test.
 *
 * <p>Two models: the <b>ranking model</b> (implicit ALS, grid {@code rankingRanks ×
 * rankingRegParams × alphas × confidences}, or EASE, grid {@code easeLambdas × easeTastes}; family
 * and parameters chosen by validation NDCG@k) makes the top-k lists; the <b>rating model</b>
 * (explicit ALS on the bias baseline's residuals; grid {@code ranks × regParams}, chosen by
 * validation RMSE) predicts the rating shown next to each recommendation.
 *
 * <pre>{@code
 * RecommenderConfig config = RecommenderConfig.defaults().withSeed(7).withMaxIter(5);
 * }</pre>
 *
 * @param seed seed of the split and of ALS
 * @param ranks rating model: ALS ranks to try
 * @param regParams rating model: ALS regParams to try
 * @param maxIter rating model: ALS iterations per fit
 * @param rankingRanks ranking model: ALS ranks to try
 * @param rankingRegParams ranking model: ALS regParams to try
 * @param alphas ranking model: confidence scales α to try
 * @param confidences ranking model: rating-to-feedback forms to try
 * @param rankingMaxIter ranking model: ALS iterations per fit
 * @param testFraction share of ratings held out for testing, in (0, 1)
 * @param validationFraction share of the non-test ratings used for tuning, in (0, 1)
 * @param k cut-off of precision@k, NDCG@k, recall@k and of the stored recommendations
 * @param relevantRating a held-out rating at least this high is relevant (4.0)
 * @param userBiasReg baseline: regularisation of user biases (pseudo-count)
 * @param itemBiasReg baseline: regularisation of item biases (pseudo-count)
 * @param biased true: the rating model fits the residuals of the bias baseline and predicts μ + b_u
 *     + b_i + p_u·q_i; false: plain ALS, p_u·q_i
 * @param coldStartDays window of the cold-start list's popularity, in snapshot days (30)
 * @param blocks ALS user blocks and item blocks of every fit, i.e. the partitions of each of its
 *     stages (Spark's default, 10); on small data a few blocks fit faster
 * @param easeLambdas ranking model, {@link RankingFamily#EASE}: ridge λ values to try (one fit
 *     each)
 * @param easeTastes ranking model, EASE: taste weights β to try (no refit each)
 * @param easeMinRatings EASE models the movies with at least this many ratings in the fitted data
 * @param easeMaxItems bound of EASE: with more such movies EASE is not tried and implicit ALS ranks
 *     (0: never EASE); its fit holds 2 · n² doubles (n = 2,500: 100 MB) and keeps 2 · n² floats
 * @param easeIalsWeights ranking model, EASE: weights w of the best implicit ALS in a blend (1 −
 *     w)·z(EASE) + w·z(iALS) of standard scores to try (0: EASE alone)
 */
public record RecommenderConfig(
    long seed,
    List<Integer> ranks,
    List<Double> regParams,
    int maxIter,
    List<Integer> rankingRanks,
    List<Double> rankingRegParams,
    List<Double> alphas,
    List<Confidence> confidences,
    int rankingMaxIter,
    double testFraction,
    double validationFraction,
    int k,
    double relevantRating,
    double userBiasReg,
    double itemBiasReg,
    boolean biased,
    int coldStartDays,
    int blocks,
    List<Double> easeLambdas,
    List<Double> easeTastes,
    int easeMinRatings,
    int easeMaxItems,
    List<Double> easeIalsWeights) {

  public RecommenderConfig {
    ranks = List.copyOf(ranks);
    regParams = List.copyOf(regParams);
    rankingRanks = List.copyOf(rankingRanks);
    rankingRegParams = List.copyOf(rankingRegParams);
    alphas = List.copyOf(alphas);
    confidences = List.copyOf(confidences);
    easeLambdas = List.copyOf(easeLambdas);
    easeTastes = List.copyOf(easeTastes);
    easeIalsWeights = List.copyOf(easeIalsWeights);
    check(positive(ranks), "ranks must be whole numbers >= 1, was " + ranks);
    check(nonNegative(regParams), "regParams must be finite numbers >= 0, was " + regParams);
    check(positive(rankingRanks), "rankingRanks must be whole numbers >= 1, was " + rankingRanks);
    check(
        nonNegative(rankingRegParams),
        "rankingRegParams must be finite numbers >= 0, was " + rankingRegParams);
    check(nonNegative(alphas), "alphas must be finite numbers >= 0, was " + alphas);
    check(!confidences.isEmpty(), "confidences must not be empty");
    check(
        maxIter > 0 && rankingMaxIter > 0,
        "iterations must be at least 1, was " + maxIter + " and " + rankingMaxIter);
    check(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1): " + testFraction);
    check(
        validationFraction > 0 && validationFraction < 1,
        "validationFraction must be in (0, 1): " + validationFraction);
    check(k > 0, "k must be positive: " + k);
    check(userBiasReg >= 0 && itemBiasReg >= 0, "bias regularisation must be >= 0");
    check(coldStartDays > 0, "coldStartDays must be positive: " + coldStartDays);
    check(blocks > 0, "blocks must be at least 1, was " + blocks);
    check(
        nonNegative(easeLambdas) && easeLambdas.stream().allMatch(l -> l > 0),
        "easeLambdas must be finite numbers > 0, was " + easeLambdas);
    check(nonNegative(easeTastes), "easeTastes must be finite numbers >= 0, was " + easeTastes);
    check(easeMinRatings > 0, "easeMinRatings must be at least 1, was " + easeMinRatings);
    check(
        !easeIalsWeights.isEmpty() && easeIalsWeights.stream().allMatch(w -> w >= 0 && w < 1),
        "easeIalsWeights must be numbers in [0, 1), was " + easeIalsWeights);
    check(easeMaxItems >= 0, "easeMaxItems must be at least 0, was " + easeMaxItems);
  }

  /**
   * Seed 42, 60/20/20, k 10, relevant ≥ 4; rating model: rank {20} × regParam {0.2}, 10 iterations,
   * on the residuals of the bias baseline (pseudo-counts 10 and 10); ranking model: implicit ALS
   * rank {32} × regParam {0.2} × α {1} × {@link Confidence#CENTERED}, 10 iterations, against EASE λ
   * {250} × taste {0.4, 0.8} × implicit-ALS blend weight {0, 0.5, 0.75} over the movies with at
   * least 10 ratings, at most 2,500 of them; cold start over 30 days; 10 ALS blocks. The grids are
   * small for 2 cores; on ml-latest-small the values left out (implicit ALS rank 64 and 128,
   * regParam 0.05–2, α 4; rating regParam 0.1; EASE λ 100 and 500, taste 0 and 1.2–1.6) scored
   * lower on validation.
   */
  public static RecommenderConfig defaults() {
    return new RecommenderConfig(
        42L,
        List.of(20),
        List.of(0.2),
        10,
        List.of(32),
        List.of(0.2),
        List.of(1.0),
        List.of(Confidence.CENTERED),
        10,
        0.2,
        0.25,
        10,
        4.0,
        10,
        10,
        true,
        30,
        10,
        List.of(250.0),
        List.of(0.4, 0.8),
        10,
        2500,
        List.of(0.0, 0.5, 0.75));
  }

  /** The EASE family's grid and bound ({@code maxItems} 0: implicit ALS only). */
  public RecommenderConfig withEase(
      List<Double> lambdas, List<Double> tastes, int minRatings, int maxItems) {
    Copy c = new Copy(this);
    c.easeLambdas = lambdas;
    c.easeTastes = tastes;
    c.easeMinRatings = minRatings;
    c.easeMaxItems = maxItems;
    return c.build();
  }

  public RecommenderConfig withSeed(long seed) {
    Copy c = new Copy(this);
    c.seed = seed;
    return c.build();
  }

  /** The rating model's grid. */
  public RecommenderConfig withGrid(List<Integer> ranks, List<Double> regParams) {
    Copy c = new Copy(this);
    c.ranks = ranks;
    c.regParams = regParams;
    return c.build();
  }

  /** The ranking model's grid. */
  public RecommenderConfig withRankingGrid(
      List<Integer> ranks, List<Double> regParams, List<Double> alphas, List<Confidence> forms) {
    Copy c = new Copy(this);
    c.rankingRanks = ranks;
    c.rankingRegParams = regParams;
    c.alphas = alphas;
    c.confidences = forms;
    return c.build();
  }

  /** ALS iterations of both models. */
  public RecommenderConfig withMaxIter(int maxIter) {
    Copy c = new Copy(this);
    c.maxIter = maxIter;
    c.rankingMaxIter = maxIter;
    return c.build();
  }

  public RecommenderConfig withSplit(double testFraction, double validationFraction) {
    Copy c = new Copy(this);
    c.testFraction = testFraction;
    c.validationFraction = validationFraction;
    return c.build();
  }

  public RecommenderConfig withBiasReg(double userBiasReg, double itemBiasReg) {
    Copy c = new Copy(this);
    c.userBiasReg = userBiasReg;
    c.itemBiasReg = itemBiasReg;
    return c.build();
  }

  public RecommenderConfig withBiased(boolean biased) {
    Copy c = new Copy(this);
    c.biased = biased;
    return c.build();
  }

  public RecommenderConfig withColdStartDays(int days) {
    Copy c = new Copy(this);
    c.coldStartDays = days;
    return c.build();
  }

  /** Weights of implicit ALS in the EASE blend to try (0: EASE alone). */
  public RecommenderConfig withEaseIalsWeights(List<Double> weights) {
    Copy c = new Copy(this);
    c.easeIalsWeights = weights;
    return c.build();
  }

  /** ALS user and item blocks of every fit. */
  public RecommenderConfig withBlocks(int blocks) {
    Copy c = new Copy(this);
    c.blocks = blocks;
    return c.build();
  }

  /** One or more values, each at least 1. */
  private static boolean positive(List<Integer> values) {
    return !values.isEmpty() && values.stream().allMatch(v -> v > 0);
  }

  /** One or more values, each finite and at least 0 (NaN is neither). */
  private static boolean nonNegative(List<Double> values) {
    return !values.isEmpty() && values.stream().allMatch(v -> v >= 0 && !v.isInfinite());
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A mutable copy for the {@code with…} methods. */
  private static final class Copy {
    long seed;
    List<Integer> ranks;
    List<Double> regParams;
    int maxIter;
    List<Integer> rankingRanks;
    List<Double> rankingRegParams;
    List<Double> alphas;
    List<Confidence> confidences;
    int rankingMaxIter;
    double testFraction;
    double validationFraction;
    int k;
    double relevantRating;
    double userBiasReg;
    double itemBiasReg;
    boolean biased;
    int coldStartDays;
    int blocks;
    List<Double> easeLambdas;
    List<Double> easeTastes;
    int easeMinRatings;
    int easeMaxItems;
    List<Double> easeIalsWeights;

    Copy(RecommenderConfig c) {
      seed = c.seed;
      ranks = c.ranks;
      regParams = c.regParams;
      maxIter = c.maxIter;
      rankingRanks = c.rankingRanks;
      rankingRegParams = c.rankingRegParams;
      alphas = c.alphas;
      confidences = c.confidences;
      rankingMaxIter = c.rankingMaxIter;
      testFraction = c.testFraction;
      validationFraction = c.validationFraction;
      k = c.k;
      relevantRating = c.relevantRating;
      userBiasReg = c.userBiasReg;
      itemBiasReg = c.itemBiasReg;
      biased = c.biased;
      coldStartDays = c.coldStartDays;
      blocks = c.blocks;
      easeLambdas = c.easeLambdas;
      easeTastes = c.easeTastes;
      easeMinRatings = c.easeMinRatings;
      easeMaxItems = c.easeMaxItems;
      easeIalsWeights = c.easeIalsWeights;
    }

    RecommenderConfig build() {
      return new RecommenderConfig(
          seed,
          ranks,
          regParams,
          maxIter,
          rankingRanks,
          rankingRegParams,
          alphas,
          confidences,
          rankingMaxIter,
          testFraction,
          validationFraction,
          k,
          relevantRating,
          userBiasReg,
          itemBiasReg,
          biased,
          coldStartDays,
          blocks,
          easeLambdas,
          easeTastes,
          easeMinRatings,
          easeMaxItems,
          easeIalsWeights);
    }
  }
}
