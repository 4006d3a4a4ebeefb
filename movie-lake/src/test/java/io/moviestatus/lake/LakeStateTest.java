package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processed-files log and its plain-text index: the index answers only while it is current, and
 * every other state (stale, damaged, unwritable) falls back to the Delta table, which stays the
 * truth.
 */
class LakeStateTest {

  private static final List<String> DISCOVER = List.of("discover");

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;
  private LakeLayout lake;
  private Path index;

  @BeforeEach
  void lake() {
    lake = LakeLayout.of(root.resolve("lake").toString());
    index = Path.of(lake.tablePath(Tables.PROCESSED_FILES) + ".index");
  }

  private Dataset<Row> files(Row... rows) {
    return spark.createDataFrame(List.of(rows), Tables.PROCESSED_FILES.writableSchema());
  }

  private static Row file(String path, long modificationTime, long size) {
    return RowFactory.create(
        path,
        "discover",
        Date.valueOf("2026-11-01"),
        modificationTime,
        size,
        Timestamp.valueOf("2026-11-02 08:00:00"));
  }

  private String indexHeader() throws Exception {
    return Files.readAllLines(index, StandardCharsets.UTF_8).get(0);
  }

  @Test
  void markedFilesAreBuiltAndTheIndexFollowsEveryCommit() throws Exception {
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 10, 100)));
    LakeState.markProcessed(spark, lake, files(file("file:/b/b.jsonl", 20, 200)));

    assertThat(LakeState.builtFiles(spark, lake, DISCOVER))
        .as("both files, by path, modification time and size")
        .containsExactlyInAnyOrder("file:/b/a.jsonl|10|100", "file:/b/b.jsonl|20|200");
    assertThat(LakeState.builtFiles(spark, lake, List.of("genres")))
        .as("another source's files are not asked for")
        .isEmpty();
    assertThat(Files.readAllLines(index, StandardCharsets.UTF_8))
        .as("index: the table's latest version (create = 0, two commits), then one line per file")
        .containsExactly(
            "version\t2",
            "discover\t10\t100\tfile:/b/a.jsonl",
            "discover\t20\t200\tfile:/b/b.jsonl");
  }

  @Test
  void aRebuiltFileReplacesItsSignatureThroughTheMergePath() throws Exception {
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 10, 100)));
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 11, 120)));

    assertThat(LakeState.builtFiles(spark, lake, DISCOVER))
        .as("the changed file's new signature only")
        .containsExactly("file:/b/a.jsonl|11|120");
    assertThat(spark.read().format("delta").load(lake.tablePath(Tables.PROCESSED_FILES)).count())
        .as("one row per path in the table")
        .isEqualTo(1);
    assertThat(indexHeader()).isEqualTo("version\t2");
  }

  @Test
  void aCommitByAnotherWriterMakesTheIndexStaleAndTheTableAnswers() throws Exception {
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 10, 100)));
    // Another writer (a concurrent build, say) appends to the table without touching the index.
    files(file("file:/b/c.jsonl", 30, 300))
        .write()
        .format("delta")
        .mode("append")
        .save(lake.tablePath(Tables.PROCESSED_FILES));

    assertThat(indexHeader()).as("the index still describes version 1").isEqualTo("version\t1");
    assertThat(LakeState.builtFiles(spark, lake, DISCOVER))
        .as("the other writer's file is seen: the stale index is not used")
        .containsExactlyInAnyOrder("file:/b/a.jsonl|10|100", "file:/b/c.jsonl|30|300");

    LakeState.markProcessed(spark, lake, files(file("file:/b/d.jsonl", 40, 400)));
    assertThat(Files.readAllLines(index, StandardCharsets.UTF_8))
        .as("the next commit rebuilds the index from the table")
        .containsExactlyInAnyOrder(
            "version\t3",
            "discover\t10\t100\tfile:/b/a.jsonl",
            "discover\t30\t300\tfile:/b/c.jsonl",
            "discover\t40\t400\tfile:/b/d.jsonl");
  }

  @Test
  void aDamagedIndexIsIgnoredAndTheTableAnswers() throws Exception {
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 10, 100)));
    Files.writeString(index, "version\t1\nnot an index line\n", StandardCharsets.UTF_8);

    assertThat(LakeState.builtFiles(spark, lake, DISCOVER))
        .containsExactly("file:/b/a.jsonl|10|100");
  }

  @Test
  void aPathTheIndexCannotHoldRemovesTheIndexAndTheTableAnswers() {
    LakeState.markProcessed(spark, lake, files(file("file:/b/a.jsonl", 10, 100)));
    LakeState.markProcessed(spark, lake, files(file("file:/b/tab\there.jsonl", 20, 200)));

    assertThat(index).as("no index: a tab in a path cannot be written").doesNotExist();
    assertThat(LakeState.builtFiles(spark, lake, DISCOVER))
        .containsExactlyInAnyOrder("file:/b/a.jsonl|10|100", "file:/b/tab\there.jsonl|20|200");
  }

  @Test
  void anEmptyLakeHasNoBuiltFiles() {
    assertThat(LakeState.builtFiles(spark, lake, DISCOVER)).isEmpty();
  }
}
