package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LocalSparkTest {

  @Test
  void localSessionRunsInterpretedOperatorsWithDelta() {
    SparkSession spark = SharedSpark.spark();

    assertThat(spark.conf().get("spark.sql.codegen.wholeStage"))
        .as("whole-stage code generation")
        .isEqualTo("false");
    assertThat(spark.conf().get("spark.sql.codegen.factoryMode"))
        .as("expression code generation")
        .isEqualTo("NO_CODEGEN");
    assertThat(spark.conf().get("spark.sql.extensions"))
        .as("Delta's session extension")
        .isEqualTo("io.delta.sql.DeltaSparkSessionExtension");
  }
}
