package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** EASE's memory bound: over it, EASE is not tried and implicit ALS ranks. */
class EaseBoundTest {

  private static final StructType RATINGS =
      new StructType()
          .add("user_index", DataTypes.IntegerType)
          .add("movie_id", DataTypes.IntegerType)
          .add("rating", DataTypes.FloatType);

  private final SparkSession spark = SharedSpark.spark();

  /** Movies 1 and 2 rated twice, 3 and 4 once. */
  private Dataset<Row> ratings() {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(0, 1, 4f),
            RowFactory.create(1, 1, 3f),
            RowFactory.create(0, 2, 5f),
            RowFactory.create(1, 2, 2f),
            RowFactory.create(0, 3, 4f),
            RowFactory.create(1, 4, 1f)),
        RATINGS);
  }

  @Test
  void moviesWithEnoughRatingsWithinTheBoundAreModelled() {
    assertThat(EaseModel.movies(ratings(), 1, 4)).containsExactly(1, 2, 3, 4);
    assertThat(EaseModel.movies(ratings(), 2, 2)).containsExactly(1, 2);
  }

  @Test
  void moreMoviesThanTheBoundMeanNoEase() {
    assertThat(EaseModel.movies(ratings(), 1, 3)).as("4 movies, bound 3").isEmpty();
    assertThat(EaseModel.movies(ratings(), 1, 0)).as("bound 0: never EASE").isEmpty();
  }

  @Test
  void moreRatingsOnTheModelledMoviesThanTheDriverBoundMeanNoEase() {
    assertThat(EaseModel.movies(ratings(), 1, 4, 6))
        .as("6 ratings on 4 movies, bound 6")
        .containsExactly(1, 2, 3, 4);
    assertThat(EaseModel.movies(ratings(), 1, 4, 5)).as("6 ratings, bound 5").isEmpty();
    assertThat(EaseModel.movies(ratings(), 2, 4, 4))
        .as("movies 1 and 2 hold 4 ratings, bound 4")
        .containsExactly(1, 2);
  }

  @Test
  void overTheBoundTheFinalFitFallsBackToImplicitAls() {
    Tuning easeChosen =
        Training.choose(
            new Training.RankingChoice(1, 1.0, 1.0, Confidence.CENTERED, 0.1),
            new Training.EaseChoice(10, 0.4, 0, 0.2),
            new Training.RatingChoice(1, 1.0, 1.0));
    RecommenderConfig bounded =
        RecommenderConfig.defaults()
            .withMaxIter(2)
            .withBlocks(1)
            .withEase(List.of(10.0), List.of(0.4), 1, 3);

    TrainedModels models = TrainedModels.fit(ratings(), easeChosen, bounded);
    try {
      assertThat(models.ranking()).as("4 movies over the bound 3").isInstanceOf(RankingModel.class);
    } finally {
      models.unpersist();
    }
    TrainedModels within =
        TrainedModels.fit(
            ratings(), easeChosen, bounded.withEase(List.of(10.0), List.of(0.4), 1, 4));
    try {
      assertThat(within.ranking()).isInstanceOf(EaseModel.class);
    } finally {
      within.unpersist();
    }
  }
}
