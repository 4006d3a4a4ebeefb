package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.Prerequisites;
import io.moviestatus.lake.TableChange;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.Tables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The movie recommender on silver {@code ratings_fact}: two Spark MLlib ALS models.
 *
 * <ul>
 *   <li><b>Ranking model</b> — makes the top-k lists: implicit-feedback ALS (Hu, Koren &amp;
 *       Volinsky 2008) on the ratings turned into preference and confidence by a {@link Confidence}
 *       form; rank × regParam × α × form chosen by validation NDCG@k.
 *   <li><b>Rating model</b> — predicts the rating shown next to each recommendation: explicit ALS
 *       on the residuals of a bias baseline, r̂ = μ + b_u + b_i + p_u·q_i (Koren 2008); rank ×
 *       regParam chosen by validation RMSE.
 * </ul>
 *
 * <p>{@link Training} tunes and evaluates both on a seeded split against the bias baseline and most
 * popular (protocol there and in docs/rankings.md); then both are refitted on all ratings, saved by
 * the {@link ModelStore}, and {@link RecommenderCommit} replaces gold {@code user_recommendations}
 * — the top k unrated movies of every user with the predicted rating and up to 3 "because you
 * rated" movies, plus the {@link ColdStart} list under user_key {@code "*"} — and adds the
 * version's {@code recommender_metrics} row.
 *
 * <p>A run whose inputs and parameters equal the latest version's trains nothing: when no commit
 * since the Delta versions of {@code ratings_fact} and {@code movie_rankings} that version recorded
 * changed their data, its {@link RecommenderConfig} is equal and {@code user_recommendations} still
 * holds it, the run keeps that version and writes nothing ({@link RecommenderReport#trained()}
 * false). A scheduled run after a day without new ratings or rankings costs a few table reads
 * instead of the ALS fits. {@link Builder#retrain(boolean)} trains anyway.
 *
 * <pre>{@code
 * RecommenderReport report =
 *     Recommender.builder(spark, LakeLayout.of("/data/lake"))
 *         .config(RecommenderConfig.defaults().withSeed(7))
 *         .build()
 *         .run();
 * System.out.println(report.evaluation()); // the recommender vs bias baseline and most popular
 * List<Recommendation> top = Recommendations.forUser(spark, lake, userKey); // cold start if unknown
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
  private final boolean retrain;

  private Recommender(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.config = builder.config;
    this.clock = builder.clock;
    this.retrain = builder.retrain;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /** Folder of a model version: {@code <lake>/_state/models/als/<version>}. */
  public static String modelPath(LakeLayout lake, String version) {
    return ModelStore.path(lake, version);
  }

  /**
   * Trains, evaluates, saves the models and writes recommendations and metrics; or, when the inputs
   * and parameters are those of the latest version (class comment), keeps that version.
   */
  public RecommenderReport run() {
    Prerequisites.requireTable(spark, lake, Tables.RATINGS_FACT, "run ratings first");
    // The inputs' versions are read before the ratings: a commit in between makes this run record
    // an older version than it read, so the next run trains again (never the reverse).
    RecommenderCommit recorder = new RecommenderCommit(spark, lake);
    RecommenderCommit.Inputs inputs = recorder.inputs(config);
    if (!retrain) {
      Optional<RecommenderReport> kept = recorder.unchanged(inputs);
      if (kept.isPresent()) {
        LOG.info("{}", kept.get());
        return kept.get();
      }
    }
    Instant trainedAt = clock.instant();
    String version = "als-" + VERSION.format(trainedAt);
    LakeWriter writer = new LakeWriter(spark, lake);
    Dataset<Row> ratingsFact = writer.read(Tables.RATINGS_FACT);
    RatingData data = RatingData.of(ratingsFact);
    TrainedModels models = null;
    try {
      if (data.users == 0) {
        throw new MissingPrerequisiteException(
            "silver ratings_fact is empty at "
                + lake.tablePath(Tables.RATINGS_FACT)
                + ": nothing to train on; run ratings with rating files first");
      }
      long start = System.nanoTime();
      RecommenderEvaluation evaluated = Training.evaluate(data, config);
      models = TrainedModels.fit(data.indexed, evaluated.tuning(), config);
      String path = new ModelStore(spark, lake).save(version, models, data.indexer);
      RecommenderEvaluation evaluation = evaluated.withSeconds((System.nanoTime() - start) / 1e9);
      LOG.info("recommend: {}", evaluation);

      Dataset<Row> personal =
          models
              .recommendations(data.indexed, config.k(), config.relevantRating())
              .join(data.indexed.select("user_key", "user_index").distinct(), "user_index")
              .drop("user_index");
      Dataset<Row> coldStart =
          ColdStart.fromRankings(
              writer.read(Tables.MOVIE_RANKINGS), config.coldStartDays(), config.k());
      if (coldStart.isEmpty()) {
        coldStart =
            ColdStart.fromRatings(
                ratingsFact.select(col("movie_id"), col("date_id")),
                models.baseline(),
                config.coldStartDays(),
                config.k());
      }
      TableChange change =
          recorder.commit(
              new RecommenderCommit.Version(
                  version, trainedAt, inputs, evaluation, data.users, data.movies),
              personal,
              coldStart);
      RecommenderReport report =
          new RecommenderReport(
              version,
              path,
              evaluation,
              data.users,
              data.movies,
              change,
              inputs.ratingsVersion(),
              inputs.rankingsVersion());
      LOG.info("{}", report);
      return report;
    } finally {
      if (models != null) {
        models.unpersist();
      }
      data.unpersist();
    }
  }

  /**
   * Tunes and evaluates both models against the baselines on {@code ratings} ({@code user_key
   * STRING, movie_id INT, rating}) as {@link #run()} does, without touching any table: the
   * benchmark's entry point. With {@code finalFit}, the time includes refitting on all ratings.
   */
  public static RecommenderEvaluation evaluate(
      Dataset<Row> ratings, RecommenderConfig config, boolean finalFit) {
    requireNonNull(config, "config is null");
    RatingData data = RatingData.of(ratings);
    try {
      long start = System.nanoTime();
      RecommenderEvaluation evaluation = Training.evaluate(data, config);
      if (finalFit) {
        TrainedModels models = TrainedModels.fit(data.indexed, evaluation.tuning(), config);
        models.ranking().materialise(); // the lazy fits
        models.unpersist();
      }
      return evaluation.withSeconds((System.nanoTime() - start) / 1e9);
    } finally {
      data.unpersist();
    }
  }

  /** Shorthand of {@link Recommendations#forUser}. */
  public static List<Recommendation> recommendationsFor(
      SparkSession spark, LakeLayout lake, String userKey) {
    return Recommendations.forUser(spark, lake, userKey);
  }

  /** Configures a {@link Recommender}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private RecommenderConfig config = RecommenderConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean retrain;

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

    /**
     * True: train even when the inputs and parameters are those of the latest version (default
     * false: keep that version).
     */
    public Builder retrain(boolean retrain) {
      this.retrain = retrain;
      return this;
    }

    public Recommender build() {
      return new Recommender(this);
    }
  }
}
