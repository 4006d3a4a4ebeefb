package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisitesTest {

  private final SparkSession spark = SharedSpark.spark();

  @TempDir Path root;

  @Test
  void aPathWithoutBronzeFilesOrSilverTablesIsNoLake() throws Exception {
    LakeLayout missing = LakeLayout.of(root.resolve("typo").toString());
    Files.createDirectories(root.resolve("empty/bronze/tmdb/discover"));
    LakeLayout emptyFolders = LakeLayout.of(root.resolve("empty").toString());

    assertThatThrownBy(() -> Prerequisites.requireLake(spark, missing))
        .as("a path that does not exist")
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessage("no lake at " + missing.root() + ": no bronze files and no silver tables");
    assertThatThrownBy(() -> Prerequisites.requireLake(spark, emptyFolders))
        .as("bronze folders without a file")
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessage("no lake at " + emptyFolders.root() + ": no bronze files and no silver tables");
  }

  @Test
  void oneBronzeFileOrOneSilverTableMakesALake() throws Exception {
    Path bronze = root.resolve("bronze-only/bronze/ratings/2026/11/25");
    Files.createDirectories(bronze);
    Files.writeString(bronze.resolve("events.csv"), "user_id,movie_id,rating,rated_at\n");
    LakeLayout silverOnly = LakeLayout.of(root.resolve("silver-only").toString());
    DeltaTables.ensure(spark, silverOnly, Tables.RATINGS_FACT);

    assertThatCode(
            () ->
                Prerequisites.requireLake(
                    spark, LakeLayout.of(root.resolve("bronze-only").toString())))
        .as("a rating file deep below bronze")
        .doesNotThrowAnyException();
    assertThatCode(() -> Prerequisites.requireLake(spark, silverOnly))
        .as("ratings_fact without bronze")
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingTableNamesItsLayerPathAndTheCommandToRunFirst() {
    LakeLayout lake = LakeLayout.of(root.toString());

    assertThatThrownBy(
            () -> Prerequisites.requireTable(spark, lake, Tables.STATUS_FACT, "run silver first"))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessage(
            "silver status_fact does not exist at "
                + lake.tablePath(Tables.STATUS_FACT)
                + ": run silver first");
    DeltaTables.ensure(spark, lake, Tables.STATUS_FACT);
    assertThatCode(
            () -> Prerequisites.requireTable(spark, lake, Tables.STATUS_FACT, "run silver first"))
        .as("once the table exists")
        .doesNotThrowAnyException();
  }
}
