package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Planted structure where the popular movies are not the relevant ones: three taste groups of 20
 * users; each group has 15 niche movies (g01–g15 as 100·g + 1 … 100·g + 15) and each user rates 10
 * of their own group's with 4–5 stars; everybody also rates 14 of 20 blockbusters (901–920) with
 * 2–3 stars. By rating count the blockbusters are the most popular movies (≈ 42 ratings each
 * against ≈ 13 for a niche movie), so most popular recommends the unrated blockbusters first — none
 * of which is ever relevant. Held-out relevant movies are always the user's own group's niche
 * movies, which a model of what users choose ranks first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedRankingTest {

  private static final StructType RATINGS =
      new StructType()
          .add("user_key", DataTypes.StringType)
          .add("movie_id", DataTypes.IntegerType)
          .add("rating", DataTypes.FloatType);

  private final SparkSession spark = SharedSpark.spark();
  private RecommenderEvaluation evaluation;

  @BeforeAll
  void evaluateOnce() {
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    List<Integer> blockbusters = IntStream.rangeClosed(901, 920).boxed().toList();
    for (int group = 1; group <= 3; group++) {
      int base = 100 * group;
      List<Integer> niche = IntStream.rangeClosed(base + 1, base + 15).boxed().toList();
      for (int u = 1; u <= 20; u++) {
        String user = "g" + group + "-" + u;
        for (int movie : sample(niche, 10, random)) {
          rows.add(RowFactory.create(user, movie, random.nextBoolean() ? 5.0f : 4.0f));
        }
        for (int movie : sample(blockbusters, 14, random)) {
          rows.add(RowFactory.create(user, movie, random.nextBoolean() ? 3.0f : 2.0f));
        }
      }
    }
    RecommenderConfig config =
        RecommenderConfig.defaults()
            .withSeed(7)
            .withGrid(List.of(4), List.of(0.1))
            .withRankingGrid(List.of(8), List.of(0.05), List.of(4.0), List.of(Confidence.CENTERED))
            .withMaxIter(8)
            .withBlocks(2);
    evaluation = Recommender.evaluate(spark.createDataFrame(rows, RATINGS), config, false);
  }

  private static List<Integer> sample(List<Integer> movies, int n, Random random) {
    List<Integer> shuffled = new ArrayList<>(movies);
    Collections.shuffle(shuffled, random);
    return shuffled.subList(0, n);
  }

  @Test
  void mostPopularRecommendsBlockbustersNobodyLikes() {
    assertThat(evaluation.mostPopular().ndcgAtK())
        .as("most popular NDCG@10: the unrated blockbusters fill its lists first")
        .isLessThan(0.35);
  }

  @Test
  void rankingModelPutsTheGroupsNicheMoviesFirstAndBeatsMostPopular() {
    Metrics model = evaluation.model();
    Metrics popular = evaluation.mostPopular();

    assertThat(model.ndcgAtK())
        .as("ranking model NDCG@10 %s vs most popular %s", model.ndcgAtK(), popular.ndcgAtK())
        .isGreaterThanOrEqualTo(0.5)
        .isGreaterThan(popular.ndcgAtK() + 0.35);
    assertThat(model.recallAtK())
        .as("recall@10 vs most popular %s", popular.recallAtK())
        .isGreaterThanOrEqualTo(0.5)
        .isGreaterThan(popular.recallAtK() + 0.3);
    assertThat(model.precisionAtK())
        .as("precision@10 vs most popular %s", popular.precisionAtK())
        .isGreaterThan(popular.precisionAtK());
  }
}
