package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.lake.DeltaTables;
import io.moviestatus.transform.lake.LakeWriter;
import io.moviestatus.transform.lake.TableChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The movie recommender: Spark MLlib ALS on explicit ratings from silver {@code ratings_fact}.
 *
 * <p><b>Model</b>: ALS (explicit) on the residuals of a bias baseline, r̂ = μ + b_u + b_i + p_u·q_i
 * (the "baseline predictors + factor model" of Koren, 2008); plain ALS (r̂ = p_u·q_i) with {@link
 * RecommenderConfig#withBiased(boolean) withBiased(false)}. On MovieLens ml-latest-small, plain ALS
 * did not beat the bias baseline's RMSE; the biased form does (see the benchmark).
 *
 * <p><b>Training and evaluation</b> ({@link RecommenderConfig}): a seeded random split holds out
 * the test ratings; of the rest, a validation slice chooses rank and regParam from the grid by RMSE
 * (coldStartStrategy "drop"); the chosen parameters are refitted on train + validation and
 * evaluated on test: RMSE, precision@k and NDCG@k (relevant = held-out rating ≥ 4.0; candidates =
 * every movie the model knows except those the user rated in training). The bias baseline (global
 * mean + regularised user and item biases) is fitted and evaluated on the same split.
 *
 * <p><b>Outputs</b>: the final model — refitted on all ratings with the chosen parameters — saved
 * to {@code <lake>/_state/models/als/<version>/} ({@code als/} the ALSModel, {@code biases/} the
 * baseline's μ, b_u, b_i as Parquet, {@code user_index/} the StringIndexerModel mapping user_key to
 * ALS user ids); gold {@code recommender_metrics} (one row per version); gold {@code
 * user_recommendations} replaced: the top k movies per user that the user has not rated, and the
 * cold-start list under user_key {@code "*"} — the top k movies by weighted rating of the latest
 * {@code movie_rankings} date, or, without rankings, by the baseline's μ + b_i.
 *
 * <pre>{@code
 * RecommenderReport report =
 *     Recommender.builder(spark, LakeLayout.of("/data/lake"))
 *         .config(RecommenderConfig.defaults().withSeed(7))
 *         .build()
 *         .run();
 * System.out.println(report.evaluation()); // RMSE, precision@10, NDCG@10 vs the baseline
 * List<Recommendation> top = Recommender.recommendationsFor(spark, lake, userKey); // cold start if unknown
 * }</pre>
 */
public final class Recommender {

  private static final Logger LOG = LoggerFactory.getLogger(Recommender.class);

  /** user_key of the cold-start list in {@code user_recommendations}. */
  public static final String COLD_START_USER = "*";

  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final RecommenderConfig config;
  private final Clock clock;

  private Recommender(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.config = builder.config;
    this.clock = builder.clock;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /** Folder of a model version: {@code <lake>/_state/models/als/<version>}. */
  public static String modelPath(LakeLayout lake, String version) {
    return lake.state() + "/models/als/" + version;
  }

  /** Trains, evaluates, saves the model and writes metrics and recommendations. */
  public RecommenderReport run() {
    if (!DeltaTables.exists(spark, lake, Tables.RATINGS_FACT)) {
      throw new IllegalStateException(
          "silver ratings_fact does not exist at "
              + lake.tablePath(Tables.RATINGS_FACT)
              + ": import ratings first");
    }
    Instant trainedAt = clock.instant();
    String version = "als-" + VERSION.format(trainedAt);
    LakeWriter writer = new LakeWriter(spark, lake);
    Prepared data = Prepared.of(writer.read(Tables.RATINGS_FACT));
    try {
      if (data.users == 0) {
        throw new IllegalStateException("ratings_fact is empty: nothing to train on");
      }
      long start = System.nanoTime();
      Evaluated evaluated = evaluate(data, config);
      FactorModel model = FactorModel.fit(data.indexed, evaluated.rank, evaluated.regParam, config);
      double seconds = (System.nanoTime() - start) / 1e9;
      RecommenderEvaluation evaluation = evaluated.withSeconds(seconds);
      LOG.info("recommend: {}", evaluation);

      String path = modelPath(lake, version);
      model.save(path);
      saveIndexer(data.indexer, path);

      Dataset<Row> userKeys = data.indexed.select("user_key", "user_index").distinct();
      Dataset<Row> personal =
          model
              .topK(userKeys, data.indexed, config.k())
              .join(userKeys, "user_index")
              .select(
                  col("user_key"),
                  col("rank"),
                  col("movie_id"),
                  col("score").cast(DataTypes.FloatType).as("score"),
                  lit("als").as("source"),
                  lit(version).as("model_version"));
      Dataset<Row> recommendations = personal.unionByName(coldStart(writer, data, version));
      TableChange change = writer.replaceAll(Tables.USER_RECOMMENDATIONS, recommendations);
      model.unpersist();
      writer.upsert(Tables.RECOMMENDER_METRICS, metricsRow(version, trainedAt, evaluation, data));

      RecommenderReport report =
          new RecommenderReport(version, path, evaluation, data.users, data.movies, change);
      LOG.info("{}", report);
      return report;
    } finally {
      data.unpersist();
    }
  }

  /**
   * Evaluates ALS against the bias baseline on {@code ratings} ({@code user_key STRING, movie_id
   * INT, rating}) as {@link #run()} does, without touching any table: the benchmark's entry point.
   */
  public static RecommenderEvaluation evaluate(Dataset<Row> ratings, RecommenderConfig config) {
    requireNonNull(config, "config is null");
    Prepared data = Prepared.of(ratings);
    try {
      long start = System.nanoTime();
      Evaluated evaluated = evaluate(data, config);
      return evaluated.withSeconds((System.nanoTime() - start) / 1e9);
    } finally {
      data.unpersist();
    }
  }

  /**
   * The stored recommendations of a user (by user_key), best first; for a user without any, the
   * cold-start list. Empty when the recommender has not run.
   */
  public static List<Recommendation> recommendationsFor(
      SparkSession spark, LakeLayout lake, String userKey) {
    requireNonNull(userKey, "userKey is null");
    if (!DeltaTables.exists(spark, lake, Tables.USER_RECOMMENDATIONS)) {
      return List.of();
    }
    Dataset<Row> table = new LakeWriter(spark, lake).read(Tables.USER_RECOMMENDATIONS);
    List<Recommendation> own = read(table, userKey);
    return own.isEmpty() ? read(table, COLD_START_USER) : own;
  }

  private static List<Recommendation> read(Dataset<Row> table, String userKey) {
    List<Recommendation> list = new ArrayList<>();
    for (Row row :
        table
            .filter(col("user_key").equalTo(userKey))
            .orderBy("rank")
            .select("rank", "movie_id", "score", "source")
            .collectAsList()) {
      list.add(new Recommendation(row.getInt(0), row.getInt(1), row.getFloat(2), row.getString(3)));
    }
    return list;
  }

  // ---------------------------------------------------------------- internals

  /** Ratings with a dense ALS user id, cached, and the indexer that made it. */
  private static final class Prepared {
    final Dataset<Row> indexed; // user_key, user_index INT, movie_id INT, rating FLOAT
    final StringIndexerModel indexer;
    final long users;
    final long movies;

    private Prepared(Dataset<Row> indexed, StringIndexerModel indexer, long users, long movies) {
      this.indexed = indexed;
      this.indexer = indexer;
      this.users = users;
      this.movies = movies;
    }

    static Prepared of(Dataset<Row> ratings) {
      Dataset<Row> base =
          ratings.select(
              col("user_key"),
              col("movie_id").cast(DataTypes.IntegerType).as("movie_id"),
              col("rating").cast(DataTypes.FloatType).as("rating"));
      StringIndexerModel indexer =
          new StringIndexer()
              .setInputCol("user_key")
              .setOutputCol("user_index_d")
              .setStringOrderType("alphabetAsc")
              .fit(base);
      Dataset<Row> indexed =
          indexer
              .transform(base)
              .withColumn("user_index", col("user_index_d").cast(DataTypes.IntegerType))
              .drop("user_index_d")
              .persist(StorageLevel.MEMORY_AND_DISK());
      long users = indexer.labelsArray()[0].length;
      long movies = indexed.select("movie_id").distinct().count();
      return new Prepared(indexed, indexer, users, movies);
    }

    void unpersist() {
      indexed.unpersist();
    }
  }

  /** The evaluation before its wall time is known. */
  private record Evaluated(
      int rank,
      double regParam,
      long trainSize,
      long validationSize,
      long testSize,
      double validationRmse,
      double[] als,
      double[] baseline) {

    RecommenderEvaluation withSeconds(double seconds) {
      return new RecommenderEvaluation(
          rank,
          regParam,
          trainSize,
          validationSize,
          testSize,
          validationRmse,
          als[0],
          als[1],
          als[2],
          baseline[0],
          baseline[1],
          baseline[2],
          seconds);
    }
  }

  private static Evaluated evaluate(Prepared data, RecommenderConfig config) {
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
    BiasBaseline baseline = null;
    FactorModel model = null;
    try {
      int bestRank = 0;
      double bestReg = 0;
      double bestRmse = Double.POSITIVE_INFINITY;
      for (int rank : config.ranks()) {
        for (double reg : config.regParams()) {
          FactorModel candidate = FactorModel.fit(train, rank, reg, config);
          double rmse = rmse(candidate.predict(validation));
          candidate.unpersist();
          LOG.info("recommend: rank {} regParam {} validation RMSE {}", rank, reg, rmse);
          if (rmse < bestRmse || bestRank == 0) {
            bestRank = rank;
            bestReg = reg;
            bestRmse = rmse;
          }
        }
      }
      model = FactorModel.fit(rest, bestRank, bestReg, config);
      baseline = BiasBaseline.fit(rest, config.userBiasReg(), config.itemBiasReg());
      // Test rows the models can score: user and movie seen in train + validation.
      Dataset<Row> known =
          test.join(rest.select("user_index").distinct(), "user_index")
              .join(rest.select("movie_id").distinct(), "movie_id")
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> relevantUsers =
            known
                .filter(col("rating").geq(config.relevantRating()))
                .select("user_index")
                .distinct();
        double[] alsMetrics = {rmse(model.predict(known)), 0, 0};
        double[] ranking = ranking(model.topK(relevantUsers, rest, config.k()), known, config);
        alsMetrics[1] = ranking[0];
        alsMetrics[2] = ranking[1];
        double[] baseRanking =
            ranking(TopK.baseline(baseline, relevantUsers, rest, config.k()), known, config);
        double[] baseMetrics = {rmse(baseline.predict(known)), baseRanking[0], baseRanking[1]};
        return new Evaluated(
            bestRank,
            bestReg,
            train.count(),
            validation.count(),
            test.count(),
            bestRmse,
            alsMetrics,
            baseMetrics);
      } finally {
        known.unpersist();
      }
    } finally {
      if (baseline != null) {
        baseline.unpersist();
      }
      if (model != null) {
        model.unpersist();
      }
      train.unpersist();
      validation.unpersist();
      rest.unpersist();
      test.unpersist();
    }
  }

  private static double rmse(Dataset<Row> predictions) {
    return new RegressionEvaluator()
        .setMetricName("rmse")
        .setLabelCol("rating")
        .setPredictionCol("prediction")
        .evaluate(predictions.filter(col("prediction").isNotNull()));
  }

  /** precision@k and NDCG@k of top-k lists against the relevant held-out movies. */
  private static double[] ranking(Dataset<Row> top, Dataset<Row> test, RecommenderConfig config) {
    Dataset<Row> truth =
        test.filter(col("rating").geq(config.relevantRating()))
            .groupBy("user_index")
            .agg(collect_list(col("movie_id").cast(DataTypes.DoubleType)).as("label"));
    Dataset<Row> predicted =
        top.groupBy("user_index")
            .agg(
                expr("transform(sort_array(collect_list(struct(rank, CAST(movie_id AS DOUBLE) AS m))), x -> x.m)")
                    .as("prediction"));
    Column none = array().cast(DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> joined =
        truth
            .join(predicted, new String[] {"user_index"}, "left")
            .withColumn("prediction", coalesce(col("prediction"), none))
            .cache();
    try {
      if (joined.isEmpty()) {
        return new double[] {Double.NaN, Double.NaN};
      }
      RankingEvaluator evaluator =
          new RankingEvaluator()
              .setK(config.k())
              .setPredictionCol("prediction")
              .setLabelCol("label");
      return new double[] {
        evaluator.setMetricName("precisionAtK").evaluate(joined),
        evaluator.setMetricName("ndcgAtK").evaluate(joined)
      };
    } finally {
      joined.unpersist();
    }
  }

  private static void saveIndexer(StringIndexerModel indexer, String path) {
    try {
      indexer.write().overwrite().save(path + "/user_index");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
    }
  }

  /** The cold-start list: latest movie_rankings' top k, or the baseline's best movies. */
  private Dataset<Row> coldStart(LakeWriter writer, Prepared data, String version) {
    Dataset<Row> rankings = writer.read(Tables.MOVIE_RANKINGS);
    Row latest = rankings.agg(max(col("date_id"))).head();
    Dataset<Row> top;
    if (!latest.isNullAt(0)) {
      top =
          rankings
              .filter(col("date_id").equalTo(latest.getDate(0)))
              .filter(col("weighted_rank").leq(config.k()))
              .select(
                  col("weighted_rank").as("rank"),
                  col("movie_id"),
                  col("weighted_rating").as("score"));
    } else {
      BiasBaseline baseline =
          BiasBaseline.fit(data.indexed, config.userBiasReg(), config.itemBiasReg());
      top =
          baseline
              .itemBias
              .select(col("movie_id"), lit(baseline.mean).plus(col("b_i")).as("score"))
              .withColumn(
                  "rank",
                  row_number().over(Window.orderBy(col("score").desc(), col("movie_id").asc())))
              .filter(col("rank").leq(config.k()));
    }
    return top.select(
        lit(COLD_START_USER).as("user_key"),
        col("rank").cast(DataTypes.IntegerType).as("rank"),
        col("movie_id"),
        col("score").cast(DataTypes.FloatType).as("score"),
        lit("cold_start").as("source"),
        lit(version).as("model_version"));
  }

  private Dataset<Row> metricsRow(
      String version, Instant trainedAt, RecommenderEvaluation e, Prepared data) {
    Row row =
        RowFactory.create(
            version,
            Timestamp.from(trainedAt),
            config.seed(),
            e.rank(),
            e.regParam(),
            config.maxIter(),
            e.trainSize(),
            e.validationSize(),
            e.testSize(),
            e.validationRmse(),
            e.rmse(),
            e.precisionAtK(),
            e.ndcgAtK(),
            e.baselineRmse(),
            e.baselinePrecisionAtK(),
            e.baselineNdcgAtK(),
            data.users,
            data.movies,
            e.seconds());
    return spark.createDataFrame(List.of(row), Tables.RECOMMENDER_METRICS.schema());
  }

  /** Configures a {@link Recommender}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private RecommenderConfig config = RecommenderConfig.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder(SparkSession spark, LakeLayout lake) {
      this.spark = requireNonNull(spark, "spark is null");
      this.lake = requireNonNull(lake, "lake is null");
    }

    public Builder config(RecommenderConfig config) {
      this.config = requireNonNull(config, "config is null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    public Recommender build() {
      return new Recommender(this);
    }
  }
}
