package io.moviestatus.lake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LargeBatchTest {

  private static final String CODEGEN = "spark.sql.codegen.wholeStage";
  private static final String COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";
  private static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  private final SparkSession spark = SharedSpark.spark();

  @Test
  void theWorkRunsWithGeneratedCodeUncompressedCachesAndAdaptiveExecutionAndTheSettingsComeBack() {
    String original = spark.conf().get(CODEGEN, null);
    String adaptive = spark.conf().get(ADAPTIVE);
    spark.conf().set(CODEGEN, "false");
    spark.conf().set(ADAPTIVE, "false"); // as in a short-run session
    spark.conf().unset(COMPRESSED);
    try {
      String seen =
          LargeBatch.run(
              spark,
              () ->
                  String.join(
                      " ",
                      spark.conf().get(CODEGEN),
                      spark.conf().get(COMPRESSED),
                      spark.conf().get(ADAPTIVE)));

      assertThat(seen).as("settings inside the work").isEqualTo("true false true");
      assertThat(spark.conf().get(CODEGEN)).as("the session's own value again").isEqualTo("false");
      assertThat(spark.conf().get(ADAPTIVE)).as("the session's own value again").isEqualTo("false");
      assertThat(spark.conf().contains(COMPRESSED)).as("an unset key is unset again").isFalse();
    } finally {
      restore(original);
      spark.conf().set(ADAPTIVE, adaptive);
    }
  }

  @Test
  void aFailingWorkStillRestoresTheSessionsSettings() {
    String original = spark.conf().get(CODEGEN, null);
    spark.conf().set(CODEGEN, "false");
    try {
      assertThatThrownBy(
              () ->
                  LargeBatch.run(
                      spark,
                      () -> {
                        throw new IllegalStateException("write failed");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("write failed");

      assertThat(spark.conf().get(CODEGEN)).isEqualTo("false");
    } finally {
      restore(original);
    }
  }

  /** Leaves the shared session as this test found it. */
  private void restore(String original) {
    if (original == null) {
      spark.conf().unset(CODEGEN);
    } else {
      spark.conf().set(CODEGEN, original);
    }
  }
}
