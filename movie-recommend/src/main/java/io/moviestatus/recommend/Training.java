package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tuning, evaluation and the final fit, without any table I/O: typed results only.
 *
 * <p>Protocol: a seeded random split holds out {@code testFraction} of the ratings (test); of the
 * rest, a seeded {@code validationFraction} slice tunes both models on fits to the remainder
 * (train). The ranking model's grid is searched by validation NDCG@k, the rating model's by
 * validation RMSE. The chosen parameters are refitted on train + validation and evaluated on test
 * next to the bias baseline and most popular, all on the same split: candidates are the movies of
 * train + validation the user has not rated there; relevant are the user's test ratings ≥ {@code
 * relevantRating} of movies in train + validation; ranking metrics average over the users with at
 * least one relevant movie; RMSE is over test ratings whose user and movie are in train +
 * validation; coverage counts the distinct movies in the lists of every user of train + validation.
 */
final class Training {

  private static final Logger LOG = LoggerFactory.getLogger(Training.class);

  private Training() {}

  /** Tunes and evaluates on a seeded split of {@code data}. */
  static RecommenderEvaluation evaluate(RatingData data, RecommenderConfig config) {
    long start = System.nanoTime();
    Dataset<Row>[] outer =
        data.indexed.randomSplit(
            new double[] {1 - config.testFraction(), config.testFraction()}, config.seed());
    Dataset<Row> rest = outer[0].persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> test = outer[1].persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row>[] inner =
        rest.randomSplit(
            new double[] {1 - config.validationFraction(), config.validationFraction()},
            config.seed() + 1);
    Dataset<Row> train = inner[0].persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> validation = inner[1].persist(StorageLevel.MEMORY_AND_DISK());
    try {
      RankingChoice ranking;
      EaseChoice ease;
      try (ValidationLists lists = ValidationLists.of(train, validation, config)) {
        TunedIals ials = tuneRanking(train, lists, config);
        ranking = ials.choice();
        ease = tuneEase(train, lists, ials.model(), config);
      }
      RatingChoice rating = tuneRating(train, validation, config);
      Tuning tuning = choose(ranking, ease, rating);
      LOG.info(
          "recommend: ranking family {} (validation NDCG@{}: implicit ALS {}, EASE {})",
          tuning.family(),
          config.k(),
          ranking.ndcg,
          ease == null ? "not tried" : ease.ndcg);
      long fitStart = System.nanoTime();
      TrainedModels models = TrainedModels.fit(rest, tuning, config);
      LOG.info(
          "recommend: evaluation fit on train + validation in {} s",
          String.format("%.1f", (System.nanoTime() - fitStart) / 1e9));
      try {
        Dataset<Row> known = known(test, rest).persist(StorageLevel.MEMORY_AND_DISK());
        try {
          Dataset<Row> users = Scoring.ratedByUser(rest, config.relevantRating()).cache();
          Dataset<Row> relevant = Scoring.relevantByUser(known, config.relevantRating()).cache();
          long catalogue = rest.select("movie_id").distinct().count();
          int k = config.k();
          Metrics model =
              Scoring.metrics(
                      models.ranking().lists(users, models.popular(), k, false),
                      relevant,
                      catalogue,
                      k)
                  .withRmse(rmse(models.rating().predict(known)));
          Metrics bias =
              Scoring.metrics(Scoring.byOrder(users, models.biasOrder(), k), relevant, catalogue, k)
                  .withRmse(rmse(models.baseline().predict(known)));
          Metrics popular =
              Scoring.metrics(Scoring.byOrder(users, models.popular(), k), relevant, catalogue, k);
          users.unpersist();
          relevant.unpersist();
          return new RecommenderEvaluation(
              tuning,
              train.count(),
              validation.count(),
              test.count(),
              model,
              bias,
              popular,
              (System.nanoTime() - start) / 1e9);
        } finally {
          known.unpersist();
        }
      } finally {
        models.unpersist();
      }
    } finally {
      train.unpersist();
      validation.unpersist();
      rest.unpersist();
      test.unpersist();
    }
  }

  /** Held-out rows whose user and movie appear in {@code fitted}. */
  static Dataset<Row> known(Dataset<Row> heldOut, Dataset<Row> fitted) {
    return heldOut
        .join(fitted.select("user_index").distinct(), "user_index")
        .join(fitted.select("movie_id").distinct(), "movie_id");
  }

  record RankingChoice(
      int rank, double regParam, double alpha, Confidence confidence, double ndcg) {}

  record EaseChoice(double lambda, double taste, double ialsWeight, double ndcg) {}

  record RatingChoice(int rank, double regParam, double rmse) {}

  /**
   * The tuning: the ranking family with the higher validation NDCG@k (EASE only when it was tried,
   * {@code ease} non-null, and beats implicit ALS; a tie keeps implicit ALS).
   */
  static Tuning choose(RankingChoice ials, EaseChoice ease, RatingChoice rating) {
    boolean easeWins = ease != null && ease.ndcg > ials.ndcg;
    return new Tuning(
        ials.rank,
        ials.regParam,
        ials.alpha,
        ials.confidence,
        easeWins ? ease.ndcg : ials.ndcg,
        rating.rank,
        rating.regParam,
        rating.rmse,
        easeWins ? RankingFamily.EASE : RankingFamily.IALS,
        ease == null ? Double.NaN : ease.lambda,
        ease == null ? Double.NaN : ease.taste,
        ials.ndcg,
        ease == null ? Double.NaN : ease.ndcg,
        ease == null ? Double.NaN : ease.ialsWeight);
  }

  /**
   * The best EASE λ and taste weight by validation NDCG@k, or null when EASE is not tried: more
   * movies with {@code easeMinRatings} ratings in train than {@code easeMaxItems}, or none.
   */
  private static EaseChoice tuneEase(
      Dataset<Row> train, ValidationLists lists, RankingModel ials, RecommenderConfig config) {
    int[] movies = EaseModel.movies(train, config.easeMinRatings(), config.easeMaxItems());
    if (movies.length == 0) {
      LOG.info(
          "recommend: EASE not tried: no movies or more than {} with at least {} ratings in train",
          config.easeMaxItems(),
          config.easeMinRatings());
      return null;
    }
    EaseChoice best = null;
    for (double lambda : config.easeLambdas()) {
      long start = System.nanoTime();
      Ease ease = EaseModel.fit(train, movies, lambda, config.relevantRating());
      double seconds = (System.nanoTime() - start) / 1e9;
      for (double taste : config.easeTastes()) {
        for (double w : config.easeIalsWeights()) {
          double ndcg = lists.ndcg(new EaseModel(ease, taste, ials, w), config.k());
          LOG.info(
              "recommend: EASE {} movies lambda {} taste {} iALS weight {} (fit {} s):"
                  + " validation NDCG@{} {}",
              movies.length,
              lambda,
              taste,
              w,
              String.format("%.1f", seconds),
              config.k(),
              ndcg);
          if (best == null || ndcg > best.ndcg) {
            best = new EaseChoice(lambda, taste, w, ndcg);
          }
        }
      }
    }
    return best;
  }

  /** The implicit-ALS candidate with the best validation NDCG@k, and its fitted model. */
  private static TunedIals tuneRanking(
      Dataset<Row> train, ValidationLists lists, RecommenderConfig config) {
    TunedIals best = null;
    for (Confidence confidence : config.confidences()) {
      for (int rank : config.rankingRanks()) {
        for (double reg : config.rankingRegParams()) {
          for (double alpha : config.alphas()) {
            RankingModel candidate = RankingModel.fit(train, rank, reg, alpha, confidence, config);
            double ndcg = lists.ndcg(candidate, config.k());
            LOG.info(
                "recommend: ranking model {} rank {} regParam {} alpha {}: validation NDCG@{} {}",
                confidence,
                rank,
                reg,
                alpha,
                config.k(),
                ndcg);
            if (best == null || ndcg > best.choice().ndcg) {
              best =
                  new TunedIals(new RankingChoice(rank, reg, alpha, confidence, ndcg), candidate);
            }
          }
        }
      }
    }
    return best;
  }

  /** The best implicit-ALS candidate: its parameters and score, and the model fitted with them. */
  private record TunedIals(RankingChoice choice, RankingModel model) {}

  /**
   * What every ranking candidate is scored on, built once for the whole tuning: the validation
   * users' train ratings, their relevant validation movies, and most popular to top lists up.
   */
  private record ValidationLists(Dataset<Row> users, Dataset<Row> relevant, int[] popular)
      implements AutoCloseable {

    static ValidationLists of(
        Dataset<Row> train, Dataset<Row> validation, RecommenderConfig config) {
      Dataset<Row> relevant =
          Scoring.relevantByUser(known(validation, train), config.relevantRating()).cache();
      Dataset<Row> users =
          Scoring.ratedByUser(train, config.relevantRating())
              .join(relevant.select("user_index"), "user_index")
              .cache();
      return new ValidationLists(users, relevant, TrainedModels.popularity(train));
    }

    /** Validation NDCG@k of {@code ranker}'s lists. */
    double ndcg(Ranker ranker, int k) {
      return Scoring.metrics(ranker.lists(users, popular, k, false), relevant, 0, k).ndcgAtK();
    }

    @Override
    public void close() {
      users.unpersist();
      relevant.unpersist();
    }
  }

  private static RatingChoice tuneRating(
      Dataset<Row> train, Dataset<Row> validation, RecommenderConfig config) {
    RatingChoice best = null;
    for (int rank : config.ranks()) {
      for (double reg : config.regParams()) {
        FactorModel candidate = FactorModel.fit(train, rank, reg, config);
        double rmse = rmse(candidate.predict(validation));
        candidate.unpersist();
        LOG.info(
            "recommend: rating model rank {} regParam {}: validation RMSE {}", rank, reg, rmse);
        if (best == null || rmse < best.rmse) {
          best = new RatingChoice(rank, reg, rmse);
        }
      }
    }
    return best;
  }

  static double rmse(Dataset<Row> predictions) {
    return new RegressionEvaluator()
        .setMetricName("rmse")
        .setLabelCol("rating")
        .setPredictionCol("prediction")
        .evaluate(predictions.filter(col("prediction").isNotNull()));
  }
}
