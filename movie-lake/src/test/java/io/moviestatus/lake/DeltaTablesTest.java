package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Layer;
import io.moviestatus.model.TableContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTablesTest {

  @Test
  void inListRendersEscapedStringsAndDateLiterals() {
    assertThat(DeltaTables.inList("source_file", List.of("file:/lake/it's.jsonl", "b")))
        .isEqualTo("source_file IN ('file:/lake/it\\'s.jsonl', 'b')");
    assertThat(
            DeltaTables.inList(
                "date_id", List.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1))))
        .isEqualTo("date_id IN (DATE '2026-10-31', DATE '2026-11-01')");
  }

  @Test
  void emptyInListIsRefusedRatherThanMatchingNothing() {
    assertThatThrownBy(() -> DeltaTables.inList("date_id", List.of()))
        .hasMessage("IN list of date_id is empty");
  }

  private static final TableContract V1 =
      TableContract.builder("things", Layer.SILVER)
          .description("things")
          .required("id", DataTypes.IntegerType, "id")
          .optional("name", DataTypes.StringType, "name")
          .key("id")
          .build();

  @TempDir Path root;

  @Test
  void aTableWrittenBeforeTheContractGainedOptionalColumnsGetsThemWhenOpened() {
    SparkSession spark = SharedSpark.spark();
    LakeLayout lake = LakeLayout.of(root.toString());
    DeltaTables.ensure(spark, lake, V1);
    spark
        .createDataFrame(List.of(RowFactory.create(1, "one")), V1.schema())
        .write()
        .format("delta")
        .mode("append")
        .save(lake.tablePath(V1));
    TableContract v2 =
        TableContract.builder("things", Layer.SILVER)
            .description("things")
            .required("id", DataTypes.IntegerType, "id")
            .optional("name", DataTypes.StringType, "name")
            .optional("flag", DataTypes.BooleanType, "a flag added later")
            .key("id")
            .build();

    DeltaTables.ensure(spark, lake, v2);

    assertThat(DeltaTables.ensure(spark, lake, v2).toDF().schema())
        .as("the new column at the end, nullable, with its comment")
        .isEqualTo(v2.schema());
    assertThat(SharedSpark.rows(DeltaTables.ensure(spark, lake, v2).toDF()))
        .as("existing rows kept, the new column null")
        .containsExactly("1|one|null");
  }

  @Test
  void aTableLackingARequiredColumnOfTheContractIsAnErrorNamingIt() {
    SparkSession spark = SharedSpark.spark();
    LakeLayout lake = LakeLayout.of(root.toString());
    DeltaTables.ensure(spark, lake, V1);
    TableContract v2 =
        TableContract.builder("things", Layer.SILVER)
            .description("things")
            .required("id", DataTypes.IntegerType, "id")
            .optional("name", DataTypes.StringType, "name")
            .required("kind", DataTypes.StringType, "kind")
            .key("id")
            .build();

    assertThatThrownBy(() -> DeltaTables.ensure(spark, lake, v2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "table things at "
                + lake.tablePath(V1)
                + " lacks the required column kind: migrate it by hand");
  }

  @Test
  void dataChangedSinceSeesFileCommitsOnlyAndTreatsAGapInTheLogAsAChange() throws Exception {
    SparkSession spark = SharedSpark.spark();
    LakeLayout lake = LakeLayout.of(root.toString());
    DeltaTables.ensure(spark, lake, V1); // version 0
    Dataset<Row> one = spark.createDataFrame(List.of(RowFactory.create(1, "one")), V1.schema());
    one.write().format("delta").mode("append").save(lake.tablePath(V1)); // 1: a file
    String name = "delta.`" + lake.tablePath(V1) + "`";
    spark.sql("ALTER TABLE " + name + " ADD COLUMNS (note STRING)"); // 2: metadata only
    spark.sql("ALTER TABLE " + name + " SET TBLPROPERTIES ('purpose' = 'test')"); // 3: the same

    assertThat(DeltaTables.version(DeltaTable.forPath(spark, lake.tablePath(V1))))
        .as("versions written")
        .isEqualTo(3);
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 1))
        .as("since 1: a new column and a table property")
        .isFalse();
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 3)).as("since the latest").isFalse();
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 0)).as("since 0: the append").isTrue();
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 7))
        .as("since a version the table does not reach (written anew)")
        .isTrue();

    // Log clean-up as Delta does it: a checkpoint of the latest version, then the older commits go.
    DeltaTable.forPath(spark, lake.tablePath(V1)).deltaLog().checkpoint();
    for (int version = 0; version <= 2; version++) {
      Files.delete(Path.of(lake.tablePath(V1), "_delta_log", String.format("%020d.json", version)));
    }
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 1))
        .as("since 1 with commit 2 gone from the log")
        .isTrue();
    assertThat(DeltaTables.dataChangedSince(spark, lake, V1, 3))
        .as("since the latest, after the clean-up")
        .isFalse();
  }
}
