package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one fit with the {@link Tuning}'s parameters: the ranking model (lists), the rating
 * model (predicted ratings), the bias baseline and the two global orders the baselines (and users
 * the ranking model cannot score) use.
 *
 * @param ranking implicit ALS or EASE, by {@link Tuning#family()}
 * @param rating ALS on the bias residuals (or plain ALS)
 * @param baseline μ + b_u + b_i
 * @param biasOrder movie ids by b_i descending (ties: lower id)
 * @param popular movie ids by rating count descending (ties: lower id)
 */
record TrainedModels(
    Ranker ranking, FactorModel rating, BiasBaseline baseline, int[] biasOrder, int[] popular) {

  private static final Logger LOG = LoggerFactory.getLogger(TrainedModels.class);

  /** Fits every model on {@code ratings} (user_index, movie_id, rating). */
  static TrainedModels fit(Dataset<Row> ratings, Tuning tuning, RecommenderConfig config) {
    Ranker ranking = null;
    if (tuning.family() == RankingFamily.EASE) {
      int[] movies = EaseModel.movies(ratings, config.easeMinRatings(), config.easeMaxItems());
      if (movies.length > 0) {
        RankingModel ials =
            tuning.easeIalsWeight() > 0
                ? RankingModel.fit(
                    ratings,
                    tuning.rankingRank(),
                    tuning.rankingRegParam(),
                    tuning.alpha(),
                    tuning.confidence(),
                    config)
                : null;
        ranking =
            new EaseModel(
                EaseModel.fit(ratings, movies, tuning.easeLambda(), config.relevantRating()),
                tuning.easeTaste(),
                ials,
                tuning.easeIalsWeight());
      } else {
        LOG.warn(
            "recommend: EASE over its bound on these ratings (more than {} movies with {} ratings):"
                + " implicit ALS ranks",
            config.easeMaxItems(),
            config.easeMinRatings());
      }
    }
    if (ranking == null) {
      ranking =
          RankingModel.fit(
              ratings,
              tuning.rankingRank(),
              tuning.rankingRegParam(),
              tuning.alpha(),
              tuning.confidence(),
              config);
    }
    FactorModel rating =
        FactorModel.fit(ratings, tuning.ratingRank(), tuning.ratingRegParam(), config);
    BiasBaseline baseline = BiasBaseline.fit(ratings, config.userBiasReg(), config.itemBiasReg());
    int[] biasOrder =
        baseline
            .itemBias
            .orderBy(col("b_i").desc(), col("movie_id").asc())
            .select("movie_id")
            .collectAsList()
            .stream()
            .mapToInt(row -> row.getInt(0))
            .toArray();
    return new TrainedModels(ranking, rating, baseline, biasOrder, popularity(ratings));
  }

  /** Movie ids of {@code ratings} by rating count descending, ties to the lower id. */
  static int[] popularity(Dataset<Row> ratings) {
    return ratings
        .groupBy("movie_id")
        .agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col("movie_id").asc())
        .select("movie_id")
        .collectAsList()
        .stream()
        .mapToInt(row -> row.getInt(0))
        .toArray();
  }

  /**
   * The top-k unrated movies of every user of {@code ratings} (user_index, movie_id, rating):
   * user_index, rank (1 = best, by the ranking model), movie_id, score (the rating model's
   * prediction, clipped to 0.5–5), because_movie_ids (up to 3 of the user's movies rated ≥ {@code
   * relevantRating} — or any rated ones when there are none — most similar by cosine of the ranking
   * model's item factors).
   */
  Dataset<Row> recommendations(Dataset<Row> ratings, int k, double relevantRating) {
    Dataset<Row> lists =
        ranking.lists(Scoring.ratedByUser(ratings, relevantRating), popular, k, true);
    Dataset<Row> ranked =
        lists
            .select(
                col("user_index"),
                posexplode(expr("arrays_zip(movies, because)")).as(new String[] {"pos", "item"}))
            .select(
                col("user_index"),
                col("pos").plus(1).as("rank"),
                col("item.movies").as("movie_id"),
                col("item.because").as("because_movie_ids"));
    Dataset<Row> withBase =
        baseline.predict(ranked).withColumnRenamed("prediction", "baseline_prediction");
    Dataset<Row> predicted = rating.predict(ranked).select("user_index", "movie_id", "prediction");
    return withBase
        .join(predicted, new String[] {"user_index", "movie_id"}, "left")
        .select(
            col("user_index"),
            col("rank").cast(DataTypes.IntegerType).as("rank"),
            col("movie_id"),
            greatest(
                    lit(0.5),
                    least(lit(5.0), coalesce(col("prediction"), col("baseline_prediction"))))
                .cast(DataTypes.FloatType)
                .as("score"),
            col("because_movie_ids"));
  }

  void unpersist() {
    rating.unpersist();
    baseline.unpersist();
  }
}
