package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run trains only when something it is trained from changed since the latest version: the Delta
 * versions of {@code ratings_fact} and {@code movie_rankings}, or the parameters. Otherwise it
 * keeps that version and writes nothing, unless told to retrain or the version is not whole. One
 * training for the class; the cases that write work on copies of its lake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommenderInputsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  /** One fit per model, few iterations, one block: this test is about when training happens. */
  private static final RecommenderConfig TINY =
      RecommenderConfig.defaults()
          .withSeed(5)
          .withGrid(List.of(2), List.of(0.1))
          .withRankingGrid(List.of(2), List.of(0.1), List.of(1.0), List.of(Confidence.CENTERED))
          .withMaxIter(2)
          .withBlocks(1)
          // about inputs and versions, not the family: implicit ALS only keeps it quick
          .withEase(List.of(250.0), List.of(0.4), 10, 0);

  private final SparkSession spark = SharedSpark.spark();
  @TempDir static Path root;
  @TempDir static Path copies;
  private RecommenderReport first;

  private LakeLayout lake() {
    return LakeLayout.of(root.toString());
  }

  /** 12 users, each rating 6 of 10 movies: 1–5 love the low ids, 6–12 the high ones. */
  private List<Row> ratings() {
    List<Row> rows = new ArrayList<>();
    for (int u = 1; u <= 12; u++) {
      for (int m = 0; m < 6; m++) {
        int movie = 100 + (u + m) % 10;
        boolean liked = (u <= 5) == (movie < 105);
        rows.add(rating("u" + u, movie, liked ? 5.0f : 1.5f));
      }
    }
    return rows;
  }

  private static Row rating(String user, int movie, float rating) {
    return RowFactory.create(
        user, movie, Date.valueOf(DAY), rating, Timestamp.valueOf(DAY.atTime(9, 0)));
  }

  /** One gold rankings row of {@code day} for movie 100. */
  private Dataset<Row> ranking(LocalDate day) {
    Object[] values = new Object[Tables.MOVIE_RANKINGS.schema().size()];
    values[0] = Date.valueOf(day);
    values[1] = 100;
    values[2] = 1.0f;
    values[3] = 7.0f;
    values[4] = 100;
    values[5] = 0L;
    values[7] = 7.0;
    values[8] = 100L;
    values[9] = 9.0;
    values[10] = 1;
    values[11] = 1;
    return spark.createDataFrame(
        List.of(RowFactory.create(values)), Tables.MOVIE_RANKINGS.schema());
  }

  private void append(LakeLayout lake, TableContract contract, Dataset<Row> rows) {
    DeltaTables.ensure(spark, lake, contract);
    rows.write().format("delta").mode("append").save(lake.tablePath(contract));
  }

  private RecommenderReport run(
      LakeLayout lake, String instant, RecommenderConfig config, boolean retrain) {
    return Recommender.builder(spark, lake)
        .config(config)
        .clock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
        .retrain(retrain)
        .build()
        .run();
  }

  private long version(LakeLayout lake, TableContract contract) {
    return DeltaTables.version(DeltaTable.forPath(spark, lake.tablePath(contract)));
  }

  /** The table's rows as sorted "a|b" strings, of the given columns (all when none). */
  private List<String> rows(LakeLayout lake, TableContract contract, String... columns) {
    Dataset<Row> table = spark.read().format("delta").load(lake.tablePath(contract));
    return SharedSpark.rows(columns.length == 0 ? table : table.selectExpr(columns));
  }

  @BeforeAll
  void trainOnce() {
    append(
        lake(),
        Tables.RATINGS_FACT,
        spark.createDataFrame(ratings(), Tables.RATINGS_FACT.schema()));
    append(lake(), Tables.MOVIE_RANKINGS, ranking(DAY));
    first = run(lake(), "2026-11-25T07:00:00Z", TINY, false);
  }

  @Test
  void runWithTheLatestVersionsInputsAndParametersKeepsItAndWritesNothing() {
    long metricsVersion = version(lake(), Tables.RECOMMENDER_METRICS);
    long recommendationsVersion = version(lake(), Tables.USER_RECOMMENDATIONS);
    List<String> recommendations = rows(lake(), Tables.USER_RECOMMENDATIONS);

    RecommenderReport second = run(lake(), "2026-11-26T07:00:00Z", TINY, false);

    long ratingsVersion = version(lake(), Tables.RATINGS_FACT);
    long rankingsVersion = version(lake(), Tables.MOVIE_RANKINGS);
    assertThat(first.trained()).as("first run trains").isTrue();
    assertThat(rows(lake(), Tables.RECOMMENDER_METRICS, "ratings_version", "rankings_version"))
        .as("table versions recorded with the version")
        .containsExactly(ratingsVersion + "|" + rankingsVersion);
    assertThat(rows(lake(), Tables.RECOMMENDER_METRICS, "parameters"))
        .as("parameters recorded")
        .containsExactly(TINY.toString())
        .allSatisfy(
            text ->
                assertThat(text)
                    .startsWith(
                        "RecommenderConfig[seed=5, ranks=[2], regParams=[0.1], maxIter=2,"));
    assertThat(second.trained()).as("second run, nothing new: trains").isFalse();
    assertThat(second.evaluation()).as("evaluation of a kept version").isNull();
    assertThat(second.modelVersion()).isEqualTo(first.modelVersion());
    assertThat(second.modelPath()).isEqualTo(first.modelPath());
    assertThat(second.toString())
        .isEqualTo(
            "recommend: nothing new since model als-20261125T070000000Z (no data change to"
                + " ratings_fact since its version "
                + ratingsVersion
                + " nor to movie_rankings since its version "
                + rankingsVersion
                + ", the same parameters): kept it and its recommendations (12 users, 10 movies),"
                + " saved at "
                + first.modelPath()
                + "; --retrain trains anyway\n"
                + "user_recommendations: inserted 0, updated 0, deleted 0, quarantined 0");
    assertThat(version(lake(), Tables.RECOMMENDER_METRICS))
        .as("metrics commits")
        .isEqualTo(metricsVersion);
    assertThat(version(lake(), Tables.USER_RECOMMENDATIONS))
        .as("user_recommendations commits")
        .isEqualTo(recommendationsVersion);
    assertThat(rows(lake(), Tables.USER_RECOMMENDATIONS)).isEqualTo(recommendations);
    assertThat(root.resolve("_state/models/als").toFile().list())
        .as("model versions saved")
        .containsExactly("als-20261125T070000000Z");
  }

  @Test
  void latestVersionIsKeptWhileNoCommitChangedItsInputsDataOrParametersAndItIsWhole()
      throws IOException {
    assertThat(kept(lake(), TINY))
        .as("nothing changed")
        .map(RecommenderReport::modelVersion)
        .contains("als-20261125T070000000Z");
    assertThat(kept(lake(), TINY.withSeed(6))).as("another seed").isEmpty();
    assertThat(kept(lake(), TINY.withBlocks(2))).as("other ALS blocks").isEmpty();

    LakeLayout replayed = copyOfLake("replayed");
    new LakeWriter(spark, replayed)
        .mergeRatings(spark.createDataFrame(ratings(), Tables.RATINGS_FACT.schema()), 0);
    spark.sql(
        "ALTER TABLE delta.`"
            + replayed.tablePath(Tables.RATINGS_FACT)
            + "` SET TBLPROPERTIES ('purpose' = 'ratings')");
    assertThat(version(replayed, Tables.RATINGS_FACT))
        .as("the same ratings imported again commit nothing; a table property does")
        .isEqualTo(version(lake(), Tables.RATINGS_FACT) + 1);
    assertThat(kept(replayed, TINY))
        .as("ratings replayed, then a commit without data")
        .map(RecommenderReport::modelVersion)
        .contains("als-20261125T070000000Z");

    LakeLayout newRating = copyOfLake("new-rating");
    new LakeWriter(spark, newRating)
        .mergeRatings(
            spark.createDataFrame(List.of(rating("u13", 101, 4.5f)), Tables.RATINGS_FACT.schema()),
            0);
    assertThat(kept(newRating, TINY)).as("a new rating").isEmpty();

    LakeLayout newRanking = copyOfLake("new-ranking");
    append(newRanking, Tables.MOVIE_RANKINGS, ranking(DAY.plusDays(1)));
    assertThat(kept(newRanking, TINY)).as("a new rankings date").isEmpty();

    // A version trained while the lake had no movie_rankings records no rankings version.
    LakeLayout withoutRankings = copyOfLake("trained-without-rankings");
    DeltaTable.forPath(spark, withoutRankings.tablePath(Tables.RECOMMENDER_METRICS))
        .update(Map.of("rankings_version", lit(null).cast("bigint")));
    assertThat(kept(withoutRankings, TINY))
        .as("movie_rankings appeared after a version trained without it")
        .isEmpty();
    deleteRecursively(Path.of(withoutRankings.tablePath(Tables.MOVIE_RANKINGS)));
    assertThat(kept(withoutRankings, TINY))
        .as("no movie_rankings then, none now")
        .map(RecommenderReport::toString)
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .startsWith(
                        "recommend: nothing new since model als-20261125T070000000Z (no data"
                            + " change to ratings_fact since its version "
                            + version(lake(), Tables.RATINGS_FACT)
                            + ", no movie_rankings, the same parameters): kept it"));

    LakeLayout noModel = copyOfLake("no-model");
    deleteRecursively(Path.of(ModelStore.path(noModel, "als-20261125T070000000Z")));
    assertThat(kept(noModel, TINY)).as("the version's models deleted").isEmpty();

    LakeLayout otherRecommendations = copyOfLake("other-recommendations");
    new LakeWriter(spark, otherRecommendations)
        .replaceAll(
            Tables.USER_RECOMMENDATIONS,
            spark
                .read()
                .format("delta")
                .load(otherRecommendations.tablePath(Tables.USER_RECOMMENDATIONS))
                .withColumn("model_version", lit("als-of-a-failed-run")));
    assertThat(kept(otherRecommendations, TINY))
        .as("user_recommendations of a later run that failed before its metrics row")
        .isEmpty();
  }

  /** What a run on {@code lake} with {@code config} would keep (nothing: it trains). */
  private Optional<RecommenderReport> kept(LakeLayout lake, RecommenderConfig config) {
    RecommenderCommit commit = new RecommenderCommit(spark, lake);
    return commit.unchanged(commit.inputs(config));
  }

  @Test
  void retrainTrainsWithNothingNewAndRecordsTheNewVersion() throws IOException {
    LakeLayout copy = copyOfLake("retrain");

    RecommenderReport retrained = run(copy, "2026-11-27T07:00:00Z", TINY, true);

    assertThat(retrained.trained()).as("--retrain with nothing new").isTrue();
    assertThat(rows(copy, Tables.RECOMMENDER_METRICS, "model_version"))
        .containsExactly("als-20261125T070000000Z", "als-20261127T070000000Z");
    assertThat(rows(copy, Tables.USER_RECOMMENDATIONS, "model_version").stream().distinct())
        .as("user_recommendations replaced by the new version")
        .containsExactly("als-20261127T070000000Z");
  }

  /** A copy of the trained lake (Delta logs name data files relative to their table). */
  private LakeLayout copyOfLake(String name) throws IOException {
    Path copy = Files.createDirectories(copies.resolve(name));
    try (Stream<Path> files = Files.walk(root)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(root.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return LakeLayout.of(copy.toString());
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
