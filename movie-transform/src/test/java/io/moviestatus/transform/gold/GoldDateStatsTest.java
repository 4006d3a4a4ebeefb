package io.moviestatus.transform.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gold's state read from Delta's file statistics ({@link DateFileStats}): rows per date without
 * reading a data file, and a count only where a file spans several dates.
 */
class GoldDateStatsTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 25);
  private static final LocalDate WEEK_BEFORE = D.minusDays(7);

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private Dataset<Row> status(List<LocalDate> days, int movies) {
    List<Row> rows = new ArrayList<>();
    for (LocalDate day : days) {
      for (int movie = 1; movie <= movies; movie++) {
        rows.add(RowFactory.create(movie, Date.valueOf(day), movie * 1.5f, 7.0f, movie));
      }
    }
    return spark.createDataFrame(rows, Tables.STATUS_FACT.schema());
  }

  /** Appends the rows in one commit of {@code files} files, all of the given dates. */
  private void append(LakeLayout lake, Dataset<Row> rows, int files) {
    DeltaTables.ensure(spark, lake, Tables.STATUS_FACT);
    rows.repartition(files)
        .write()
        .format("delta")
        .mode("append")
        .save(lake.tablePath(Tables.STATUS_FACT));
  }

  @Test
  void rowsPerDateComeFromTheDeltaLogWithoutReadingADataFile() throws IOException {
    LakeLayout lake = LakeLayout.of(root.toString());
    append(lake, status(List.of(WEEK_BEFORE), 3), 2);
    append(lake, status(List.of(D), 5), 3);
    append(lake, status(List.of(D.minusDays(1)), 4), 1);
    try (Stream<Path> files = Files.list(Path.of(lake.tablePath(Tables.STATUS_FACT)))) {
      for (Path parquet : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.delete(parquet); // a scan would now fail
      }
    }

    DateFileStats stats = DateFileStats.of(spark, lake.tablePath(Tables.STATUS_FACT));

    assertThat(stats.rowsOn(List.of(D, WEEK_BEFORE, D.plusDays(1))))
        .as("the input dates of a build of D, and a date without rows")
        .isEqualTo(Optional.of(Map.of(D, 5L, WEEK_BEFORE, 3L)));
    assertThat(stats.rowsByDate())
        .as("every date")
        .isEqualTo(Optional.of(Map.of(WEEK_BEFORE, 3L, D.minusDays(1), 4L, D, 5L)));
  }

  @Test
  void aFileOfSeveralDatesLeavesOnlyTheDatesOutsideItsRangeToTheStatistics() {
    LakeLayout lake = LakeLayout.of(root.toString());
    append(lake, status(List.of(D.minusDays(3), D.minusDays(2)), 2), 1);
    append(lake, status(List.of(D), 2), 1);

    DateFileStats stats = DateFileStats.of(spark, lake.tablePath(Tables.STATUS_FACT));

    assertThat(stats.rowsOn(List.of(D, WEEK_BEFORE))).isEqualTo(Optional.of(Map.of(D, 2L)));
    assertThat(stats.rowsOn(List.of(D.minusDays(2))))
        .as("inside the range of the two-date file: counted by the caller")
        .isEmpty();
    assertThat(stats.rowsByDate()).isEmpty();
  }

  @Test
  void goldForOneDateOnOneDateFilesBuildsItAndRefusesADateWithoutRows() {
    LakeLayout lake = LakeLayout.of(root.toString());
    append(lake, status(List.of(WEEK_BEFORE), 3), 1);
    append(lake, status(List.of(D), 4), 2);
    DeltaTables.ensure(spark, lake, Tables.RATINGS_FACT);

    GoldBuildReport first = GoldBuild.builder(spark, lake).date(D).build().run();
    GoldBuildReport all = GoldBuild.builder(spark, lake).build().run();
    GoldBuildReport again = GoldBuild.builder(spark, lake).build().run();

    assertThat(first.dates()).containsExactly(D);
    assertThat(first.change("movie_rankings"))
        .isEqualTo(new TableChange("movie_rankings", 4, 0, 0, 0));
    assertThat(all.dates()).as("the dates not ranked yet").containsExactly(WEEK_BEFORE);
    assertThat(again.dates()).as("every date ranked, read from the statistics").isEmpty();
    assertThat(
            SharedSpark.rows(
                spark
                    .read()
                    .format("delta")
                    .load(lake.tablePath(Tables.MOVIE_RANKINGS))
                    .filter("date_id = DATE'2026-11-25'")
                    .select("movie_id", "popularity_rank", "popularity_rank_change")))
        .as("movie 4 is the most popular; movies 1-3 each fell by one rank since the week before")
        .containsExactly("1|4|-1", "2|3|-1", "3|2|-1", "4|1|null");
    assertThatThrownBy(() -> GoldBuild.builder(spark, lake).date(D.minusDays(1)).build().run())
        .hasMessage("status_fact has no rows for 2026-11-24");
  }
}
