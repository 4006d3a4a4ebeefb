package io.moviestatus.transform.silver;

import static io.moviestatus.transform.testing.BronzeFixtures.discover;
import static io.moviestatus.transform.testing.BronzeFixtures.export;
import static io.moviestatus.transform.testing.BronzeFixtures.exportLine;
import static io.moviestatus.transform.testing.BronzeFixtures.movie;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver built from TMDB's daily ID export, alone and beside the discover snapshot, through Delta.
 * As in SilverBuildTest, the scenarios share one lake on their own dates and movie ids: before the
 * tests, one build loads the base scenario (a day with both sources) and the first step of every
 * scenario that continues in its test. The export's row-level rules (the most popular of a repeated
 * id, quarantine reasons) are proven in SilverBuildersTest and BronzeParserTest, and which exports
 * are listed (complete ones only) in BronzeFilesTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportSilverBuildTest {

  private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";

  @TempDir static Path root;
  private SilverTestLake lake;
  private final Set<String> firstBuildCodegen = ConcurrentHashMap.newKeySet();

  @BeforeAll
  void buildTheBaseAndEveryScenariosFirstStep() {
    lake = new SilverTestLake(root);
    discover(
        root,
        NOV_20,
        List.of(
            movie(550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(603, "The Matrix", 40.25, 8.2, 25000, 28)));
    export(
        root,
        NOV_20,
        List.of(
            exportLine(550, "Fight Club", 60.0),
            exportLine(603, "The Matrix", 39.0),
            exportLine(13, "Forrest Gump", 3.5),
            exportLine(3924, "Blondie", 2.405)));
    givenDiscoverBeforeItsExport();
    givenADayOfBothSources();
    givenAnExportDay();
    lake.builder()
        .afterTableWrite(table -> firstBuildCodegen.add(lake.spark().conf().get(WHOLE_STAGE)))
        .build()
        .run();
  }

  @Test
  void exportGivesEveryMovieAFactRowAndDiscoverWinsForTheMoviesItLists() {
    // The counts a build reports: the other tests, whose builds are their own.
    assertThat(firstBuildCodegen)
        .as("code generation while the tables of small exports were written: a short build's")
        .containsExactly("false");
    assertThat(lake.rows(Tables.STATUS_FACT, "date_id = DATE'2026-11-20'"))
        .as("discover's values for 550 and 603; the export's popularity, no votes, for the rest")
        .containsExactly(
            "13|2026-11-20|3.5|null|null",
            "3924|2026-11-20|2.405|null|null",
            "550|2026-11-20|61.5|8.4|30000",
            "603|2026-11-20|40.25|8.2|25000");
    assertThat(lake.rows(Tables.MOVIES_DIM, "movie_id IN (13, 3924, 550, 603)"))
        .as("discover's attributes; the export's three for the movies only it lists")
        .containsExactly(
            "13|null|null|null|null|Forrest Gump|false|false",
            "3924|null|null|null|null|Blondie|false|false",
            "550|Fight Club|en|Overview of Fight Club|/p550.jpg|Fight Club|false|false",
            "603|The Matrix|en|Overview of The Matrix|/p603.jpg|The Matrix|false|false");
    assertThat(lake.rows(Tables.DATES_DIM, "date_id = DATE'2026-11-20'"))
        .containsExactly("2026-11-20|20|11|2026");
  }

  @Test
  void rebuildingTheSameDaysChangesNothing() {
    // The base's day, its discover file and its export: every path of a day's tables.
    Map<TableContract, List<String>> before = starSchema();

    SilverBuildReport rebuild = lake.rebuild(NOV_20, NOV_20);

    assertThat(rebuild.filesBuilt()).isEqualTo(2);
    assertThat(starSchema()).as("rebuild changes no row").isEqualTo(before);
    assertThat(rebuild.changes())
        .containsExactly(
            new TableChange("status_fact", 0, 0, 0, 0),
            new TableChange("dates_dim", 0, 0, 0, 0),
            new TableChange("movies_dim", 0, 0, 0, 0),
            new TableChange("movies_genres", 0, 0, 0, 0));
    assertThat(lake.build().filesBuilt()).as("an incremental build after it").isZero();
  }

  /** The rows of the star schema's tables this lake has (no genre list: no genres_dim). */
  private Map<TableContract, List<String>> starSchema() {
    return Map.of(
        Tables.STATUS_FACT, lake.rows(Tables.STATUS_FACT),
        Tables.MOVIES_DIM, lake.rows(Tables.MOVIES_DIM),
        Tables.MOVIES_GENRES, lake.rows(Tables.MOVIES_GENRES),
        Tables.DATES_DIM, lake.rows(Tables.DATES_DIM));
  }

  private void givenDiscoverBeforeItsExport() {
    discover(
        root,
        LocalDate.of(2026, 1, 20),
        List.of(
            movie(1550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(1603, "The Matrix", 40.25, 8.2, 25000, 28)));
  }

  @Test
  void exportArrivingAfterTheDaysDiscoverWasBuiltAddsTheRestOfTheCatalogueToThatDay() {
    String truncated = "{\"adult\":false,\"id\":1014,\"original_title\":\"Trunc";
    export(
        root,
        LocalDate.of(2026, 1, 20),
        List.of(
            exportLine(1550, "Fight Club", 60.0),
            exportLine(1603, "The Matrix", 39.0),
            exportLine(1013, "Forrest Gump", 3.5),
            truncated,
            exportLine(13924, "Blondie", 2.405)));

    SilverBuildReport report = lake.build();

    assertThat(lake.rows(Tables.STATUS_FACT, "date_id = DATE'2026-01-20'"))
        .containsExactly(
            "1013|2026-01-20|3.5|null|null",
            "13924|2026-01-20|2.405|null|null",
            "1550|2026-01-20|61.5|8.4|30000",
            "1603|2026-01-20|40.25|8.2|25000");
    assertThat(report.change("status_fact"))
        .as("the day is rebuilt from both files: two movies added, discover's two unchanged")
        .isEqualTo(new TableChange("status_fact", 2, 0, 0, 1));
    assertThat(report.change("movies_dim"))
        .as("two new movies; discover's already carry the export's values")
        .isEqualTo(new TableChange("movies_dim", 2, 0, 0, 1));
    assertThat(lake.rows(Tables.MOVIES_GENRES, "movie_id IN (1550, 1603, 1013, 13924)"))
        .containsExactly("1550|18", "1603|28");
    assertThat(
            SharedSpark.rows(
                lake.table(Tables.QUARANTINE)
                    .filter("snapshot_date = DATE'2026-01-20'")
                    .select("entity", "reason", "raw")))
        .as("the export's bad line, verbatim (every reason: BronzeParserTest)")
        .containsExactly("export_movie|malformed_json|" + truncated);
  }

  private void givenADayOfBothSources() {
    LocalDate feb20 = LocalDate.of(2026, 2, 20);
    discover(
        root,
        feb20,
        List.of(
            movie(2550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(2603, "The Matrix", 40.25, 8.2, 25000, 28)));
    export(
        root,
        feb20,
        List.of(
            exportLine(2550, "Fight Club", 60.0),
            exportLine(2603, "The Matrix", 39.0),
            exportLine(2013, "Forrest Gump", 3.5),
            exportLine(23924, "Blondie", 2.405)));
  }

  @Test
  void aLaterExportUpdatesOnlyTheExportsColumnsOfAMovieDiscoverDescribed() {
    export(
        root,
        LocalDate.of(2026, 2, 21),
        List.of(
            exportLine(2550, "Fight Club (1999)", 58.0),
            exportLine(2603, "The Matrix", 38.5),
            exportLine(2013, "Forrest Gump", 3.25)));

    SilverBuildReport report = lake.build();

    assertThat(lake.rows(Tables.MOVIES_DIM, "movie_id IN (2013, 23924, 2550, 2603)"))
        .as(
            "2550 keeps discover's title and gets the new original title; 23924 is not in the"
                + " export")
        .containsExactly(
            "2013|null|null|null|null|Forrest Gump|false|false",
            "23924|null|null|null|null|Blondie|false|false",
            "2550|Fight Club|en|Overview of Fight Club|/p2550.jpg|Fight Club (1999)|false|false",
            "2603|The Matrix|en|Overview of The Matrix|/p2603.jpg|The Matrix|false|false");
    assertThat(report.change("movies_dim")).isEqualTo(new TableChange("movies_dim", 0, 1, 0, 0));
    assertThat(lake.rows(Tables.STATUS_FACT, "date_id = DATE'2026-02-21'"))
        .containsExactly(
            "2013|2026-02-21|3.25|null|null",
            "2550|2026-02-21|58.0|null|null",
            "2603|2026-02-21|38.5|null|null");
    assertThat(report.filesBuilt()).as("only the new export").isEqualTo(1);
  }

  private void givenAnExportDay() {
    export(root, LocalDate.of(2026, 3, 20), List.of(exportLine(3013, "Forrest Gump", 3.5)));
  }

  @Test
  void aNewExportDayWithNoAttributeChangeReportsNoMovieChange() {
    export(root, LocalDate.of(2026, 3, 21), List.of(exportLine(3013, "Forrest Gump", 3.75)));

    SilverBuildReport report = lake.build();

    assertThat(report.change("movies_dim"))
        .as("nothing to merge, so no commit: zero, not the previous commit's counts")
        .isEqualTo(new TableChange("movies_dim", 0, 0, 0, 0));
    assertThat(report.change("status_fact")).isEqualTo(new TableChange("status_fact", 1, 0, 0, 0));
    assertThat(report.change("dates_dim")).isEqualTo(new TableChange("dates_dim", 1, 0, 0, 0));
  }

  @Test
  void eachDaysFilesHoldOneMovieIdRangeSoOneMoviesHistoryReadsOneFilePerDay() {
    for (LocalDate day : List.of(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 21))) {
      List<String> lines = new ArrayList<>();
      for (int id = 1; id <= 40; id++) {
        lines.add(exportLine(id, "Movie " + id, id / 10.0));
      }
      export(root, day, lines);
    }
    String days = "date_id IN (DATE'2026-05-20', DATE'2026-05-21')";

    Set<String> codegen = ConcurrentHashMap.newKeySet();
    lake.builder()
        .statusRowsPerFile(10)
        .largeExportBytes(1) // as for a whole-catalogue day
        .afterTableWrite(table -> codegen.add(lake.spark().conf().get(WHOLE_STAGE)))
        .build()
        .run();

    assertThat(codegen)
        .as("code generation while the tables of a large export were written (LargeBatch)")
        .containsExactly("true");
    assertThat(lake.spark().conf().get(WHOLE_STAGE))
        .as("the session's own after the build")
        .isEqualTo("false");

    List<String> files =
        SharedSpark.rows(
            lake.table(Tables.STATUS_FACT)
                .filter(days)
                .groupBy(input_file_name().as("file"))
                .agg(
                    min("date_id").as("first_day"),
                    max("date_id").as("last_day"),
                    min("movie_id").as("low"),
                    max("movie_id").as("high"))
                .drop("file"));
    assertThat(files)
        .as("80 rows, 10 a file, with (date, movie_id) ranges that do not overlap")
        .hasSize(8)
        .allSatisfy(file -> assertThat(file.split("\\|")[0]).isEqualTo(file.split("\\|")[1]));
    Dataset<Row> oneMovie =
        lake.table(Tables.STATUS_FACT).filter(days).filter(col("movie_id").equalTo(25));
    assertThat(SharedSpark.rows(oneMovie))
        .containsExactly("25|2026-05-20|2.5|null|null", "25|2026-05-21|2.5|null|null");
    assertThat(filesRead(oneMovie)).as("files read for one movie: one per day").isEqualTo(2);
  }

  /** The number of files the query's scan read (Delta's data skipping prunes by min/max stats). */
  private static long filesRead(Dataset<Row> query) {
    query.collectAsList();
    SparkPlan plan = query.queryExecution().executedPlan();
    long files = 0;
    for (SparkPlan leaf : scala.collection.JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      if (leaf instanceof FileSourceScanExec scan) {
        files += scan.metrics().apply("numFiles").value();
      }
    }
    return files;
  }
}
