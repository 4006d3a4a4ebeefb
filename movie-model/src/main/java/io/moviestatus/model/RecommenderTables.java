package io.moviestatus.model;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataTypes;

/**
 * The recommender's two gold tables, published as {@link Tables#RECOMMENDER_METRICS} and {@link
 * Tables#USER_RECOMMENDATIONS}: one contract per table, kept apart from the pipeline's tables
 * because the metrics table is the widest of the lake.
 */
final class RecommenderTables {

  private RecommenderTables() {}

  /**
   * One row per trained recommender: both models' parameters, data sizes, and test metrics of the
   * recommender, the bias baseline and most popular on the same split.
   */
  static final TableContract METRICS =
      TableContract.builder("recommender_metrics", Layer.GOLD)
          .description(
              "Evaluation of each trained recommender (ranking model: implicit ALS or EASE; rating"
                  + " model: ALS on bias residuals) against the bias baseline and most popular on the"
                  + " same split")
          .required(
              "model_version",
              StringType,
              "Model version; the models are under _state/models/als/<version>")
          .required("trained_at", TimestampType, "When training started")
          .required("seed", LongType, "Seed of the split and of ALS")
          .required("rank", IntegerType, "Rating model: chosen ALS rank (latent factors)")
          .required("reg_param", DoubleType, "Rating model: chosen ALS regParam")
          .required("max_iter", IntegerType, "Rating model: ALS iterations")
          .required("train_size", LongType, "Ratings used to fit during tuning")
          .required("validation_size", LongType, "Ratings used to choose the parameters")
          .required("test_size", LongType, "Held-out ratings the metrics are computed on")
          .optional(
              "validation_rmse",
              DoubleType,
              "Rating model: RMSE of the chosen parameters on validation")
          .optional("rmse", DoubleType, "Rating model: test RMSE, 0.5 to 5 scale")
          .optional(
              "precision_at_10",
              DoubleType,
              "Ranking model: test precision@10 (relevant: held-out rating >= 4)")
          .optional("ndcg_at_10", DoubleType, "Ranking model: test NDCG@10 (binary relevance)")
          .optional("baseline_rmse", DoubleType, "Test RMSE of global mean + user and item biases")
          .optional(
              "baseline_precision_at_10", DoubleType, "Test precision@10 of the bias baseline")
          .optional("baseline_ndcg_at_10", DoubleType, "Test NDCG@10 of the bias baseline")
          .required("users", LongType, "Users in the ratings")
          .required("movies", LongType, "Movies in the ratings")
          .required(
              "training_seconds", DoubleType, "Wall time of tuning, evaluation and the final fit")
          .optional("ranking_rank", IntegerType, "Ranking model: chosen implicit ALS rank")
          .optional("ranking_reg_param", DoubleType, "Ranking model: chosen regParam")
          .optional("ranking_alpha", DoubleType, "Ranking model: chosen confidence scale alpha")
          .optional(
              "ranking_confidence",
              StringType,
              "Ranking model: rating-to-feedback form (RATING, CENTERED or LIKED)")
          .optional("ranking_max_iter", IntegerType, "Ranking model: ALS iterations")
          .optional(
              "ranking_family",
              StringType,
              "Ranking model: the family chosen by validation NDCG@10 (IALS or EASE)")
          .optional("ease_lambda", DoubleType, "EASE candidate: best ridge lambda on validation")
          .optional("ease_taste", DoubleType, "EASE candidate: best taste weight on validation")
          .optional(
              "ease_ials_weight",
              DoubleType,
              "EASE candidate: weight of implicit ALS in its blend (0: EASE alone)")
          .optional(
              "ials_validation_ndcg_at_10",
              DoubleType,
              "Implicit-ALS candidate: validation NDCG@10 of its best parameters")
          .optional(
              "ease_validation_ndcg_at_10",
              DoubleType,
              "EASE candidate: validation NDCG@10 of its best parameters (null: not tried)")
          .optional(
              "validation_ndcg_at_10",
              DoubleType,
              "Ranking model: NDCG@10 of the chosen parameters on validation")
          .optional("recall_at_10", DoubleType, "Ranking model: test recall@10")
          .optional(
              "coverage_at_10",
              DoubleType,
              "Ranking model: distinct movies in all users' top 10 / movies in the catalogue")
          .optional("baseline_recall_at_10", DoubleType, "Test recall@10 of the bias baseline")
          .optional(
              "baseline_coverage_at_10", DoubleType, "Catalogue coverage of the bias baseline")
          .optional(
              "popular_precision_at_10",
              DoubleType,
              "Test precision@10 of most popular (by training rating count)")
          .optional("popular_ndcg_at_10", DoubleType, "Test NDCG@10 of most popular")
          .optional("popular_recall_at_10", DoubleType, "Test recall@10 of most popular")
          .optional("popular_coverage_at_10", DoubleType, "Catalogue coverage of most popular")
          .optional(
              "ratings_version",
              LongType,
              "Delta version of silver ratings_fact the version was trained on")
          .optional(
              "rankings_version",
              LongType,
              "Delta version of gold movie_rankings its cold-start list was drawn from (null: none)")
          .optional(
              "parameters",
              StringType,
              "Every training parameter of the run; a run whose inputs and parameters equal the"
                  + " latest version's trains nothing")
          .key("model_version")
          .build();

  /**
   * Top recommendations per user, never a movie the user already rated; user_key '*' = cold start.
   */
  static final TableContract USER_RECOMMENDATIONS =
      TableContract.builder("user_recommendations", Layer.GOLD)
          .description(
              "Top 10 unrated movies per user from the latest ranking model; user_key '*' holds the"
                  + " cold-start list")
          .required("user_key", StringType, "Pseudonymised user, or '*' for users without ratings")
          .required("rank", IntegerType, "1 = best recommendation")
          .required("movie_id", IntegerType, "TMDB movie id")
          .required(
              "score",
              FloatType,
              "Rating model's predicted rating (0.5 to 5 scale); weighted rating (0 to 10) for cold"
                  + " start")
          .required(
              "source",
              StringType,
              "als (the user's own list from the ranking model) or cold_start")
          .required("model_version", StringType, "Model that produced the row")
          .optional(
              "because_movie_ids",
              DataTypes.createArrayType(IntegerType),
              "Up to 3 movies the user rated (>= 4 when any) most similar to this one (implicit ALS:"
                  + " cosine of its item factors; EASE: largest weight on this movie); empty for"
                  + " cold start")
          .key("user_key", "rank")
          .build();
}
