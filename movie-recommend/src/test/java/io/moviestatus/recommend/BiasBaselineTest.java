package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.moviestatus.lake.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class BiasBaselineTest {

  private static final StructType RATINGS =
      new StructType()
          .add("user_index", DataTypes.IntegerType)
          .add("movie_id", DataTypes.IntegerType)
          .add("rating", DataTypes.FloatType);

  private final SparkSession spark = SharedSpark.spark();

  private Dataset<Row> ratings(Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), RATINGS);
  }

  @Test
  void biasesAreShrunkMeansOfTheResidualsComputedByHand() {
    // μ = (5 + 3 + 4 + 2) / 4 = 3.5; pseudo-counts λ_i = 1, λ_u = 1.
    // b_10 = ((5-3.5) + (4-3.5)) / (2+1) = 2/3;  b_20 = ((3-3.5) + (2-3.5)) / (2+1) = -2/3.
    // b_u0 = ((5-3.5-2/3) + (3-3.5+2/3)) / (2+1) = 1/3;  b_u1 = ((4-3.5-2/3) + (2-3.5+2/3)) / 3 =
    // -1/3.
    Dataset<Row> train =
        ratings(
            new Object[] {0, 10, 5f},
            new Object[] {0, 20, 3f},
            new Object[] {1, 10, 4f},
            new Object[] {1, 20, 2f});

    BiasBaseline baseline = BiasBaseline.fit(train, 1, 1);

    assertThat(baseline.mean).as("μ").isEqualTo(3.5);
    assertThat(biases(baseline.itemBias, "movie_id", "b_i"))
        .hasEntrySatisfying(10, b -> assertThat(b).isCloseTo(2.0 / 3, within(1e-9)))
        .hasEntrySatisfying(20, b -> assertThat(b).isCloseTo(-2.0 / 3, within(1e-9)));
    assertThat(biases(baseline.userBias, "user_index", "b_u"))
        .hasEntrySatisfying(0, b -> assertThat(b).isCloseTo(1.0 / 3, within(1e-9)))
        .hasEntrySatisfying(1, b -> assertThat(b).isCloseTo(-1.0 / 3, within(1e-9)));
  }

  @Test
  void unknownUserOrMovieFallsBackToZeroBias() {
    Dataset<Row> train =
        ratings(
            new Object[] {0, 10, 5f},
            new Object[] {0, 20, 3f},
            new Object[] {1, 10, 4f},
            new Object[] {1, 20, 2f});
    BiasBaseline baseline = BiasBaseline.fit(train, 1, 1);

    Map<String, Double> predicted =
        baseline
            .predict(
                ratings(
                    new Object[] {0, 10, 0f}, new Object[] {7, 10, 0f}, new Object[] {7, 99, 0f}))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    row -> row.getAs("user_index") + "/" + row.getAs("movie_id"),
                    row -> row.<Double>getAs("prediction")));

    assertThat(predicted.get("0/10"))
        .as("μ + b_u0 + b_10")
        .isCloseTo(3.5 + 1.0 / 3 + 2.0 / 3, within(1e-9));
    assertThat(predicted.get("7/10"))
        .as("unknown user: μ + b_10")
        .isCloseTo(3.5 + 2.0 / 3, within(1e-9));
    assertThat(predicted.get("7/99")).as("unknown user and movie: μ").isEqualTo(3.5);
  }

  private static Map<Integer, Double> biases(Dataset<Row> table, String key, String bias) {
    List<Row> rows = table.collectAsList();
    return rows.stream()
        .collect(Collectors.toMap(row -> row.<Integer>getAs(key), row -> row.<Double>getAs(bias)));
  }
}
