package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.TableChange;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Writes one trained version to gold: {@code user_recommendations} replaced (personal lists and the
 * cold-start list, one commit), then its {@code recommender_metrics} row upserted (one commit).
 * Both by column name; a table created by an older contract first gains the contract's new
 * (nullable) columns.
 */
final class RecommenderCommit {

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LakeWriter writer;

  RecommenderCommit(SparkSession spark, LakeLayout lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.writer = new LakeWriter(spark, lake);
  }

  /**
   * What a version is trained from: the Delta versions of its input tables when it read them
   * ({@code rankingsVersion} null when there is no {@code movie_rankings}) and its parameters.
   */
  record Inputs(long ratingsVersion, Long rankingsVersion, RecommenderConfig config) {
    Inputs {
      requireNonNull(config, "config is null");
    }

    /** The parameters as stored: the record's text, every component by name. */
    String parameters() {
      return config.toString();
    }
  }

  /** What one version writes. */
  record Version(
      String version,
      Instant trainedAt,
      Inputs inputs,
      RecommenderEvaluation evaluation,
      long users,
      long movies) {
    RecommenderConfig config() {
      return inputs.config();
    }
  }

  /** The input tables' current versions, with {@code config}. */
  Inputs inputs(RecommenderConfig config) {
    return new Inputs(
        currentVersion(Tables.RATINGS_FACT),
        DeltaTables.exists(spark, lake, Tables.MOVIE_RANKINGS)
            ? currentVersion(Tables.MOVIE_RANKINGS)
            : null,
        config);
  }

  private long currentVersion(TableContract contract) {
    return DeltaTables.version(DeltaTable.forPath(spark, lake.tablePath(contract)));
  }

  /**
   * The latest version, kept, when nothing it was trained from changed and it is whole: no commit
   * since the table versions its {@code recommender_metrics} row recorded changed the data of
   * {@code ratings_fact} or {@code movie_rankings} (metadata-only commits do not count), the
   * parameters are equal, {@code user_recommendations} holds that version only and its models are
   * saved. Empty otherwise, including for metrics written before the inputs were recorded.
   *
   * @param inputs the current table versions and the run's parameters ({@link #inputs})
   */
  Optional<RecommenderReport> unchanged(Inputs inputs) {
    if (!DeltaTables.exists(spark, lake, Tables.RECOMMENDER_METRICS)
        || !DeltaTables.exists(spark, lake, Tables.USER_RECOMMENDATIONS)) {
      return Optional.empty();
    }
    Dataset<Row> metrics = writer.read(Tables.RECOMMENDER_METRICS);
    if (!Arrays.asList(metrics.columns()).contains("parameters")) {
      return Optional.empty(); // written before the inputs were recorded
    }
    List<Row> latest =
        metrics
            .orderBy(col("trained_at").desc(), col("model_version").desc())
            .select(
                "model_version",
                "ratings_version",
                "rankings_version",
                "parameters",
                "users",
                "movies")
            .limit(1)
            .collectAsList();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Row row = latest.get(0);
    String version = row.getString(0);
    Long ratings = row.isNullAt(1) ? null : row.getLong(1);
    Long rankings = row.isNullAt(2) ? null : row.getLong(2);
    boolean sameInputs =
        inputs.parameters().equals(row.getString(3))
            && ratings != null
            && !DeltaTables.dataChangedSince(spark, lake, Tables.RATINGS_FACT, ratings)
            && (rankings == null
                ? inputs.rankingsVersion() == null
                : inputs.rankingsVersion() != null
                    && !DeltaTables.dataChangedSince(spark, lake, Tables.MOVIE_RANKINGS, rankings));
    if (!sameInputs) {
      return Optional.empty();
    }
    List<Row> held =
        writer
            .read(Tables.USER_RECOMMENDATIONS)
            .select("model_version")
            .distinct()
            .limit(2)
            .collectAsList();
    if (held.size() != 1
        || !version.equals(held.get(0).getString(0))
        || !new ModelStore(spark, lake).exists(version)) {
      return Optional.empty(); // a later run failed part-way, or the version was removed
    }
    return Optional.of(
        new RecommenderReport(
            version,
            ModelStore.path(lake, version),
            null,
            row.getLong(4),
            row.getLong(5),
            new TableChange(Tables.USER_RECOMMENDATIONS.name(), 0, 0, 0, 0),
            ratings,
            rankings));
  }

  /**
   * @param personal user_key, rank, movie_id, score, because_movie_ids
   * @param coldStart rank, movie_id, score
   */
  TableChange commit(Version v, Dataset<Row> personal, Dataset<Row> coldStart) {
    Dataset<Row> recommendations =
        personal
            .withColumn("source", lit("als"))
            .withColumn("model_version", lit(v.version()))
            .unionByName(
                coldStart
                    .withColumn("user_key", lit(Recommender.COLD_START_USER))
                    .withColumn("source", lit("cold_start"))
                    .withColumn("model_version", lit(v.version()))
                    .withColumn("because_movie_ids", lit(new int[0])));
    evolve(Tables.USER_RECOMMENDATIONS);
    TableChange change = writer.replaceAll(Tables.USER_RECOMMENDATIONS, recommendations);
    evolve(Tables.RECOMMENDER_METRICS);
    writer.upsert(Tables.RECOMMENDER_METRICS, metricsRow(v));
    return change;
  }

  /** The metrics row, built by column name. */
  Dataset<Row> metricsRow(Version v) {
    RecommenderEvaluation e = v.evaluation();
    Tuning t = e.tuning();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("model_version", v.version());
    values.put("trained_at", Timestamp.from(v.trainedAt()));
    values.put("seed", v.config().seed());
    values.put("rank", t.ratingRank());
    values.put("reg_param", t.ratingRegParam());
    values.put("max_iter", v.config().maxIter());
    values.put("train_size", e.trainSize());
    values.put("validation_size", e.validationSize());
    values.put("test_size", e.testSize());
    values.put("validation_rmse", t.validationRmse());
    values.put("rmse", e.model().rmse());
    values.put("precision_at_10", e.model().precisionAtK());
    values.put("ndcg_at_10", e.model().ndcgAtK());
    values.put("recall_at_10", e.model().recallAtK());
    values.put("coverage_at_10", e.model().coverage());
    values.put("baseline_rmse", e.biasBaseline().rmse());
    values.put("baseline_precision_at_10", e.biasBaseline().precisionAtK());
    values.put("baseline_ndcg_at_10", e.biasBaseline().ndcgAtK());
    values.put("baseline_recall_at_10", e.biasBaseline().recallAtK());
    values.put("baseline_coverage_at_10", e.biasBaseline().coverage());
    values.put("popular_precision_at_10", e.mostPopular().precisionAtK());
    values.put("popular_ndcg_at_10", e.mostPopular().ndcgAtK());
    values.put("popular_recall_at_10", e.mostPopular().recallAtK());
    values.put("popular_coverage_at_10", e.mostPopular().coverage());
    values.put("ranking_rank", t.rankingRank());
    values.put("ranking_reg_param", t.rankingRegParam());
    values.put("ranking_alpha", t.alpha());
    values.put("ranking_confidence", t.confidence().name());
    values.put("ranking_max_iter", v.config().rankingMaxIter());
    values.put("ranking_family", t.family().name());
    values.put("ease_lambda", t.easeLambda());
    values.put("ease_taste", t.easeTaste());
    values.put("ease_ials_weight", t.easeIalsWeight());
    values.put("ials_validation_ndcg_at_10", t.ialsValidationNdcg());
    values.put("ease_validation_ndcg_at_10", t.easeValidationNdcg());
    values.put("validation_ndcg_at_10", t.validationNdcg());
    values.put("users", v.users());
    values.put("movies", v.movies());
    values.put("training_seconds", e.seconds());
    values.put("ratings_version", v.inputs().ratingsVersion());
    values.put("rankings_version", v.inputs().rankingsVersion());
    values.put("parameters", v.inputs().parameters());
    return spark.createDataFrame(
        List.of(byName(Tables.RECOMMENDER_METRICS, values)), Tables.RECOMMENDER_METRICS.schema());
  }

  /**
   * A row of the contract's columns from values by column name; every column must have a value (NaN
   * metrics are stored as null) and every value a column.
   */
  static Row byName(TableContract contract, Map<String, Object> values) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(contract.columnNames());
    Set<String> missing = new TreeSet<>(contract.columnNames());
    missing.removeAll(values.keySet());
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException(
          contract.name() + ": unknown columns " + unknown + ", missing columns " + missing);
    }
    StructField[] fields = contract.schema().fields();
    Object[] row = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object value = values.get(fields[i].name());
      row[i] = value instanceof Double d && d.isNaN() ? null : value;
    }
    return RowFactory.create(row);
  }

  /** Adds the contract's nullable columns an existing table lacks (ALTER TABLE ADD COLUMNS). */
  private void evolve(TableContract contract) {
    if (!DeltaTables.exists(spark, lake, contract)) {
      return;
    }
    Set<String> present =
        Set.of(spark.read().format("delta").load(lake.tablePath(contract)).columns());
    for (StructField field : contract.schema().fields()) {
      if (!present.contains(field.name())) {
        if (!field.nullable()) {
          throw new IllegalStateException(
              contract.name() + " lacks the required column " + field.name());
        }
        spark.sql(
            String.format(
                "ALTER TABLE delta.`%s` ADD COLUMNS (%s %s COMMENT '%s')",
                lake.tablePath(contract),
                field.name(),
                field.dataType().sql(),
                contract.comment(field.name()).replace("'", "\\'")));
      }
    }
  }
}
