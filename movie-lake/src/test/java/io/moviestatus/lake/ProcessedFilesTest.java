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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processed-files log and its plain-text index: a file is built while its path, time and size
 * are logged; the index answers only while it is current, and every other state (stale, damaged,
 * unwritable) falls back to the Delta table, which stays the truth.
 */
class ProcessedFilesTest {

  private static final List<String> DISCOVER = List.of("discover");
  private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;
  private LakeLayout lake;
  private Path index;

  @BeforeEach
  void lake() {
    lake = LakeLayout.of(root.resolve("lake").toString());
    index = Path.of(lake.tablePath(Tables.PROCESSED_FILES) + ".index");
  }

  private static ProcessedFiles.Entry file(String path, long modificationTime, long size) {
    return new ProcessedFiles.Entry(
        path, "discover", LocalDate.of(2026, 11, 1), modificationTime, size);
  }

  private void mark(ProcessedFiles.Entry... files) {
    ProcessedFiles.read(spark, lake, DISCOVER).markBuilt(List.of(files), AT);
  }

  /** Of the candidates, those the log read now does not hold as built. */
  private List<ProcessedFiles.Entry> notBuilt(ProcessedFiles.Entry... candidates) {
    return ProcessedFiles.read(spark, lake, DISCOVER)
        .notBuilt(List.of(candidates), Function.identity());
  }

  private String indexHeader() throws Exception {
    return Files.readAllLines(index, StandardCharsets.UTF_8).get(0);
  }

  @Test
  void markedFilesAreBuiltAndTheIndexFollowsEveryCommit() throws Exception {
    mark(file("file:/b/a.jsonl", 10, 100));
    mark(file("file:/b/b.jsonl", 20, 200));

    assertThat(ProcessedFiles.read(spark, lake, DISCOVER).builtPaths())
        .containsExactlyInAnyOrder("file:/b/a.jsonl", "file:/b/b.jsonl");
    assertThat(
            notBuilt(
                file("file:/b/a.jsonl", 10, 100),
                file("file:/b/b.jsonl", 20, 200),
                file("file:/b/a.jsonl", 10, 101),
                file("file:/b/b.jsonl", 21, 200),
                file("file:/b/c.jsonl", 10, 100)))
        .as("built: same path, modification time and size; in listing order")
        .containsExactly(
            file("file:/b/a.jsonl", 10, 101),
            file("file:/b/b.jsonl", 21, 200),
            file("file:/b/c.jsonl", 10, 100));
    assertThat(ProcessedFiles.read(spark, lake, List.of("genres")).builtPaths())
        .as("another source's files are not asked for")
        .isEmpty();
    assertThat(Files.readAllLines(index, StandardCharsets.UTF_8))
        .as("index: the table's latest version (create = 0, two commits), then one line per file")
        .containsExactly(
            "version\t2",
            "discover\t10\t100\tfile:/b/a.jsonl",
            "discover\t20\t200\tfile:/b/b.jsonl");
    assertThat(
            SharedSpark.rows(
                spark.read().format("delta").load(lake.tablePath(Tables.PROCESSED_FILES))))
        .as("the rows of the log")
        .containsExactly(
            "file:/b/a.jsonl|discover|2026-11-01|10|100|2026-11-02 08:00:00",
            "file:/b/b.jsonl|discover|2026-11-01|20|200|2026-11-02 08:00:00");
  }

  @Test
  void aRebuiltFileReplacesItsRowThroughTheMergePath() throws Exception {
    mark(file("file:/b/a.jsonl", 10, 100));
    mark(file("file:/b/a.jsonl", 11, 120));

    assertThat(notBuilt(file("file:/b/a.jsonl", 10, 100), file("file:/b/a.jsonl", 11, 120)))
        .as("only the changed file's new version is built")
        .containsExactly(file("file:/b/a.jsonl", 10, 100));
    assertThat(spark.read().format("delta").load(lake.tablePath(Tables.PROCESSED_FILES)).count())
        .as("one row per path in the table")
        .isEqualTo(1);
    assertThat(indexHeader()).isEqualTo("version\t2");
  }

  @Test
  void aCommitByAnotherWriterMakesTheIndexStaleAndTheTableAnswers() throws Exception {
    mark(file("file:/b/a.jsonl", 10, 100));
    // Another writer (a concurrent build, say) appends to the table without touching the index.
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "file:/b/c.jsonl",
                    "discover",
                    Date.valueOf("2026-11-01"),
                    30L,
                    300L,
                    Timestamp.from(AT))),
            Tables.PROCESSED_FILES.writableSchema())
        .write()
        .format("delta")
        .mode("append")
        .save(lake.tablePath(Tables.PROCESSED_FILES));

    assertThat(indexHeader()).as("the index still describes version 1").isEqualTo("version\t1");
    assertThat(notBuilt(file("file:/b/a.jsonl", 10, 100), file("file:/b/c.jsonl", 30, 300)))
        .as("the other writer's file is seen: the stale index is not used")
        .isEmpty();

    mark(file("file:/b/d.jsonl", 40, 400));
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
    mark(file("file:/b/a.jsonl", 10, 100));
    Files.writeString(index, "version\t1\nnot an index line\n", StandardCharsets.UTF_8);

    assertThat(ProcessedFiles.read(spark, lake, DISCOVER).builtPaths())
        .containsExactly("file:/b/a.jsonl");
    assertThat(notBuilt(file("file:/b/a.jsonl", 10, 100))).isEmpty();
  }

  @Test
  void aPathTheIndexCannotHoldRemovesTheIndexAndTheTableAnswers() {
    mark(file("file:/b/a.jsonl", 10, 100));
    mark(file("file:/b/tab\there.jsonl", 20, 200));

    assertThat(index).as("no index: a tab in a path cannot be written").doesNotExist();
    assertThat(notBuilt(file("file:/b/a.jsonl", 10, 100), file("file:/b/tab\there.jsonl", 20, 200)))
        .isEmpty();
  }

  @Test
  void anEmptyLakeHasNoBuiltFiles() {
    assertThat(ProcessedFiles.read(spark, lake, DISCOVER).builtPaths()).isEmpty();
    assertThat(notBuilt(file("file:/b/a.jsonl", 10, 100)))
        .containsExactly(file("file:/b/a.jsonl", 10, 100));
  }

  @Test
  void anUnreadLogHoldsNothingAsBuiltAndStillLogsTheFiles() {
    mark(file("file:/b/a.jsonl", 10, 100));

    ProcessedFiles rebuild = ProcessedFiles.unread(spark, lake);
    assertThat(rebuild.notBuilt(List.of(file("file:/b/a.jsonl", 10, 100)), Function.identity()))
        .as("a rebuild takes its files whatever the log says")
        .containsExactly(file("file:/b/a.jsonl", 10, 100));
    assertThat(rebuild.builtPaths()).isEmpty();

    rebuild.markBuilt(List.of(file("file:/b/b.jsonl", 20, 200)), AT);
    assertThat(ProcessedFiles.read(spark, lake, DISCOVER).builtPaths())
        .containsExactlyInAnyOrder("file:/b/a.jsonl", "file:/b/b.jsonl");
  }
}
