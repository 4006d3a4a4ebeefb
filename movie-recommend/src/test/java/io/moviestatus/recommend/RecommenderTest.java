package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted structure: users of group A love movies 101–112 (4.5–5 stars) and dislike 201–212
 * (1–1.5), users of group B the reverse; each user rated 6 random movies of each group. A model
 * that learnt the structure recommends the 6 unrated movies of the user's own group first; random
 * scores would put exactly those 6 on top for one user in 924.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommenderTest {

  private static final int USERS_PER_GROUP = 20;
  private static final List<Integer> GROUP_A = IntStream.rangeClosed(101, 112).boxed().toList();
  private static final List<Integer> GROUP_B = IntStream.rangeClosed(201, 212).boxed().toList();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final RecommenderConfig FAST =
      RecommenderConfig.defaults()
          .withSeed(3)
          .withGrid(List.of(4), List.of(0.05, 0.1))
          // regParam 1 learns this planted structure; the default grid's 0.2 alone learns it for
          // fewer users (30 of 40 with seed 3)
          .withRankingGrid(
              List.of(32), List.of(0.2, 1.0), List.of(1.0, 4.0), List.of(Confidence.CENTERED))
          .withEase(List.of(250.0), List.of(0.8), 10, 2500)
          .withEaseIalsWeights(List.of(0.0, 0.5))
          .withMaxIter(8)
          .withBlocks(2);

  private final SparkSession spark = SharedSpark.spark();
  @TempDir static Path root;
  private LakeLayout lake;
  private RecommenderReport report;
  private List<Row> ratings;

  @BeforeAll
  void trainOnce() {
    lake = LakeLayout.of(root.toString());
    ratings = plantedRatings();
    append(Tables.RATINGS_FACT, spark.createDataFrame(ratings, Tables.RATINGS_FACT.schema()));
    append(Tables.MOVIE_RANKINGS, rankings());
    report =
        Recommender.builder(spark, lake)
            .config(FAST)
            .clock(Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC))
            .build()
            .run();
  }

  private static boolean inGroupA(String user) {
    return user.startsWith("a");
  }

  private static List<Row> plantedRatings() {
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (String group : List.of("a", "b")) {
      for (int u = 1; u <= USERS_PER_GROUP; u++) {
        String user = String.format("%s%02d", group, u);
        List<Integer> own = new ArrayList<>(group.equals("a") ? GROUP_A : GROUP_B);
        List<Integer> other = new ArrayList<>(group.equals("a") ? GROUP_B : GROUP_A);
        Collections.shuffle(own, random);
        Collections.shuffle(other, random);
        for (int i = 0; i < 6; i++) {
          rows.add(rating(user, own.get(i), random.nextBoolean() ? 5.0f : 4.5f));
          rows.add(rating(user, other.get(i), random.nextBoolean() ? 1.0f : 1.5f));
        }
      }
    }
    return rows;
  }

  private static Row rating(String user, int movie, float rating) {
    return RowFactory.create(
        user, movie, Date.valueOf(DAY), rating, Timestamp.valueOf(DAY.atTime(9, 0)));
  }

  /** Gold rankings of DAY: movie 212 first, then 211, … (the cold-start list comes from here). */
  private Dataset<Row> rankings() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int movie = 212 - i;
      rows.add(
          RowFactory.create(
              Date.valueOf(DAY),
              movie,
              1.0f,
              7.0f,
              100,
              0L,
              null,
              7.0,
              100L,
              9.0 - i * 0.1,
              i + 1,
              i + 1,
              null,
              null));
    }
    return spark.createDataFrame(rows, Tables.MOVIE_RANKINGS.schema());
  }

  private void append(TableContract contract, Dataset<Row> rows) {
    DeltaTables.ensure(spark, lake, contract);
    rows.write().format("delta").mode("append").save(lake.tablePath(contract));
  }

  private Map<String, List<Integer>> recommendations() {
    return spark
        .read()
        .format("delta")
        .load(lake.tablePath(Tables.USER_RECOMMENDATIONS))
        .filter("source = 'als'")
        .orderBy("user_key", "rank")
        .collectAsList()
        .stream()
        .collect(
            Collectors.groupingBy(
                row -> row.<String>getAs("user_key"),
                Collectors.mapping(row -> row.<Integer>getAs("movie_id"), Collectors.toList())));
  }

  @Test
  void recommendsTheUnratedMoviesOfTheUsersOwnGroupFirst() {
    Map<String, List<Integer>> recommended = recommendations();

    assertThat(recommended).as("every user gets a list").hasSize(2 * USERS_PER_GROUP);
    long learnt =
        recommended.entrySet().stream()
            .filter(
                entry ->
                    (inGroupA(entry.getKey()) ? GROUP_A : GROUP_B)
                        .containsAll(entry.getValue().subList(0, 6)))
            .count();
    assertThat(learnt)
        .as("users whose top 6 are exactly their group's 6 unrated movies (random: 1 in 924)")
        .isGreaterThanOrEqualTo(36);
    assertThat(recommended.values())
        .as("top 10 per user")
        .allSatisfy(list -> assertThat(list).hasSize(10).doesNotHaveDuplicates());
  }

  @Test
  void neverRecommendsAMovieTheUserAlreadyRated() {
    Map<String, List<Integer>> recommended = recommendations();

    for (Row row : ratings) {
      assertThat(recommended.get(row.getString(0)))
          .as("recommendations of %s", row.getString(0))
          .doesNotContain(row.getInt(1));
    }
  }

  @Test
  void modelBeatsTheBiasBaselineOnHeldOutRatingsAndMetricsAreStored() {
    RecommenderEvaluation evaluation = report.evaluation();

    assertThat(evaluation.rmse())
        .as("test RMSE %s vs baseline %s", evaluation.rmse(), evaluation.baselineRmse())
        .isLessThan(0.5 * evaluation.baselineRmse());
    assertThat(evaluation.testSize() + evaluation.validationSize() + evaluation.trainSize())
        .isEqualTo(ratings.size());
    assertThat(evaluation.precisionAtK())
        .as("precision@10")
        .isGreaterThan(evaluation.baselinePrecisionAtK());
    Row stored =
        spark.read().format("delta").load(lake.tablePath(Tables.RECOMMENDER_METRICS)).head();
    assertThat(stored.<String>getAs("model_version"))
        .isEqualTo("als-20261125T070000000Z")
        .isEqualTo(report.modelVersion());
    assertThat(stored.<Double>getAs("rmse")).isEqualTo(evaluation.rmse());
    assertThat(stored.<Integer>getAs("rank")).isEqualTo(4);
    assertThat(Path.of(report.modelPath(), "als", "metadata")).as("model saved").isDirectory();
    assertThat(report.modelPath()).isEqualTo(root + "/_state/models/als/als-20261125T070000000Z");
  }

  @Test
  void userWithoutRatingsGetsTheTopWeightedRatingMovies() {
    List<Recommendation> coldStart = Recommender.recommendationsFor(spark, lake, "someone-new");
    List<Recommendation> known = Recommender.recommendationsFor(spark, lake, "a01");

    assertThat(coldStart)
        .extracting(Recommendation::movieId)
        .containsExactly(212, 211, 210, 209, 208, 207, 206, 205, 204, 203);
    assertThat(coldStart).extracting(Recommendation::source).containsOnly("cold_start");
    assertThat(coldStart.get(0).score()).isEqualTo(9.0f);
    assertThat(known).hasSize(10).extracting(Recommendation::source).containsOnly("als");
    assertThat(known)
        .extracting(Recommendation::rank)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void eachRecommendationIsExplainedByThreeOfTheUsersLikedMovies() {
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(lake.tablePath(Tables.USER_RECOMMENDATIONS))
            .filter("source = 'als'")
            .collectAsList();
    Map<String, List<Integer>> liked =
        ratings.stream()
            .filter(row -> row.getFloat(3) >= 4.0f)
            .collect(
                Collectors.groupingBy(
                    row -> row.getString(0),
                    Collectors.mapping(row -> row.getInt(1), Collectors.toList())));

    assertThat(rows).as("10 rows per user").hasSize(10 * 2 * USERS_PER_GROUP);
    for (Row row : rows) {
      String user = row.getAs("user_key");
      assertThat(row.<Integer>getList(row.fieldIndex("because_movie_ids")))
          .as("because you rated, for %s and movie %s", user, row.getAs("movie_id"))
          .hasSize(3)
          .doesNotHaveDuplicates()
          .isSubsetOf(liked.get(user));
    }
    Row stored =
        spark.read().format("delta").load(lake.tablePath(Tables.RECOMMENDER_METRICS)).head();
    assertThat(stored.<Double>getAs("popular_ndcg_at_10"))
        .as("most popular's NDCG@10 stored by name")
        .isEqualTo(report.evaluation().mostPopular().ndcgAtK());
    assertThat(stored.<String>getAs("ranking_confidence")).isEqualTo("CENTERED");
    assertThat(stored.<Integer>getAs("ranking_rank")).isEqualTo(32);
    Tuning tuning = report.evaluation().tuning();
    assertThat(stored.<String>getAs("ranking_family"))
        .as("the family chosen by validation, stored")
        .isEqualTo(tuning.family().name());
    assertThat(stored.<Double>getAs("ials_validation_ndcg_at_10"))
        .isEqualTo(tuning.ialsValidationNdcg());
    assertThat(stored.<Double>getAs("ease_validation_ndcg_at_10"))
        .as("EASE tried: 24 movies, each rated about 12 times in train")
        .isEqualTo(tuning.easeValidationNdcg());
    assertThat(stored.<Double>getAs("validation_ndcg_at_10"))
        .as("the chosen family's validation NDCG@10 is the higher one")
        .isEqualTo(Math.max(tuning.ialsValidationNdcg(), tuning.easeValidationNdcg()));
  }
}
