package io.moviestatus.transform.silver;

import static io.moviestatus.transform.testing.BronzeFixtures.discover;
import static io.moviestatus.transform.testing.BronzeFixtures.export;
import static io.moviestatus.transform.testing.BronzeFixtures.exportLine;
import static io.moviestatus.transform.testing.BronzeFixtures.exportWithoutMetadata;
import static io.moviestatus.transform.testing.BronzeFixtures.movie;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silver built from TMDB's daily ID export, alone and beside the discover snapshot. */
class ExportSilverBuildTest {

  private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private LakeLayout lake() {
    return LakeLayout.of(root.toString());
  }

  private SilverBuildReport build() {
    return SilverBuild.builder(spark, lake()).build().run();
  }

  private Dataset<Row> table(TableContract contract) {
    return spark.read().format("delta").load(lake().tablePath(contract));
  }

  private List<String> rows(TableContract contract) {
    Column[] columns = contract.columnNames().stream().map(Column::new).toArray(Column[]::new);
    return SharedSpark.rows(table(contract).select(columns));
  }

  private void discoverNov20() {
    discover(
        root,
        NOV_20,
        List.of(
            movie(550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(603, "The Matrix", 40.25, 8.2, 25000, 28)));
  }

  private void exportNov20() {
    export(
        root,
        NOV_20,
        List.of(
            exportLine(550, "Fight Club", 60.0),
            exportLine(603, "The Matrix", 39.0),
            exportLine(13, "Forrest Gump", 3.5),
            exportLine(3924, "Blondie", 2.405)));
  }

  @Test
  void exportGivesEveryMovieAFactRowAndDiscoverWinsForTheMoviesItLists() {
    discoverNov20();
    exportNov20();

    Set<String> codegen = ConcurrentHashMap.newKeySet();
    SilverBuildReport report =
        SilverBuild.builder(spark, lake())
            .afterTableWrite(table -> codegen.add(spark.conf().get(WHOLE_STAGE)))
            .build()
            .run();

    assertThat(codegen)
        .as("code generation while the tables of a small export were written: a short build's")
        .containsExactly("false");
    assertThat(rows(Tables.STATUS_FACT))
        .as("discover's values for 550 and 603; the export's popularity, no votes, for the rest")
        .containsExactly(
            "13|2026-11-20|3.5|null|null",
            "3924|2026-11-20|2.405|null|null",
            "550|2026-11-20|61.5|8.4|30000",
            "603|2026-11-20|40.25|8.2|25000");
    assertThat(rows(Tables.MOVIES_DIM))
        .as("discover's attributes; the export's three for the movies only it lists")
        .containsExactly(
            "13|null|null|null|null|Forrest Gump|false|false",
            "3924|null|null|null|null|Blondie|false|false",
            "550|Fight Club|en|Overview of Fight Club|/p550.jpg|Fight Club|false|false",
            "603|The Matrix|en|Overview of The Matrix|/p603.jpg|The Matrix|false|false");
    assertThat(rows(Tables.DATES_DIM)).containsExactly("2026-11-20|20|11|2026");
    assertThat(report.filesBuilt()).as("the discover file and the export").isEqualTo(2);
    assertThat(report.change("status_fact")).isEqualTo(new TableChange("status_fact", 4, 0, 0, 0));
    assertThat(report.change("movies_dim")).isEqualTo(new TableChange("movies_dim", 4, 0, 0, 0));
  }

  @Test
  void exportArrivingAfterTheDaysDiscoverWasBuiltAddsTheRestOfTheCatalogueToThatDay() {
    discoverNov20();
    build();
    exportNov20();

    SilverBuildReport report = build();

    assertThat(rows(Tables.STATUS_FACT))
        .containsExactly(
            "13|2026-11-20|3.5|null|null",
            "3924|2026-11-20|2.405|null|null",
            "550|2026-11-20|61.5|8.4|30000",
            "603|2026-11-20|40.25|8.2|25000");
    assertThat(report.change("status_fact"))
        .as("the day is rebuilt from both files: two movies added, discover's two unchanged")
        .isEqualTo(new TableChange("status_fact", 2, 0, 0, 0));
    assertThat(report.change("movies_dim"))
        .as("two new movies; discover's already carry the export's values")
        .isEqualTo(new TableChange("movies_dim", 2, 0, 0, 0));
    assertThat(rows(Tables.MOVIES_GENRES)).containsExactly("550|18", "603|28");
  }

  @Test
  void rebuildingTheSameDaysChangesNothing() {
    discoverNov20();
    exportNov20();
    build();
    List<String> facts = rows(Tables.STATUS_FACT);
    List<String> movies = rows(Tables.MOVIES_DIM);

    SilverBuildReport rebuild =
        SilverBuild.builder(spark, lake()).range(NOV_20, NOV_20).build().run();

    assertThat(rows(Tables.STATUS_FACT)).isEqualTo(facts);
    assertThat(rows(Tables.MOVIES_DIM)).isEqualTo(movies);
    assertThat(rebuild.change("status_fact")).isEqualTo(new TableChange("status_fact", 0, 0, 0, 0));
    assertThat(rebuild.change("movies_dim")).isEqualTo(new TableChange("movies_dim", 0, 0, 0, 0));
    assertThat(build().filesBuilt()).as("an incremental build after it").isZero();
  }

  @Test
  void aLaterExportUpdatesOnlyTheExportsColumnsOfAMovieDiscoverDescribed() {
    discoverNov20();
    exportNov20();
    build();
    export(
        root,
        NOV_21,
        List.of(
            exportLine(550, "Fight Club (1999)", 58.0),
            exportLine(603, "The Matrix", 38.5),
            exportLine(13, "Forrest Gump", 3.25)));

    SilverBuildReport report = build();

    assertThat(rows(Tables.MOVIES_DIM))
        .as("550 keeps discover's title and gets the new original title; 3924 is not in the export")
        .containsExactly(
            "13|null|null|null|null|Forrest Gump|false|false",
            "3924|null|null|null|null|Blondie|false|false",
            "550|Fight Club|en|Overview of Fight Club|/p550.jpg|Fight Club (1999)|false|false",
            "603|The Matrix|en|Overview of The Matrix|/p603.jpg|The Matrix|false|false");
    assertThat(report.change("movies_dim")).isEqualTo(new TableChange("movies_dim", 0, 1, 0, 0));
    assertThat(SharedSpark.rows(table(Tables.STATUS_FACT).filter("date_id = DATE'2026-11-21'")))
        .containsExactly(
            "13|2026-11-21|3.25|null|null",
            "550|2026-11-21|58.0|null|null",
            "603|2026-11-21|38.5|null|null");
    assertThat(report.filesBuilt()).as("only the new export").isEqualTo(1);
  }

  @Test
  void aNewExportDayWithNoAttributeChangeReportsNoMovieChange() {
    exportNov20();
    build();
    export(root, NOV_21, List.of(exportLine(13, "Forrest Gump", 3.75)));

    SilverBuildReport report = build();

    assertThat(report.change("movies_dim"))
        .as("nothing to merge, so no commit: zero, not the previous commit's counts")
        .isEqualTo(new TableChange("movies_dim", 0, 0, 0, 0));
    assertThat(report.change("status_fact")).isEqualTo(new TableChange("status_fact", 1, 0, 0, 0));
    assertThat(report.change("dates_dim")).isEqualTo(new TableChange("dates_dim", 1, 0, 0, 0));
  }

  @Test
  void badExportLinesGoToQuarantineWithTheirReasonAndTheRestLoads() {
    export(
        root,
        NOV_20,
        List.of(
            exportLine(13, "Forrest Gump", 3.5),
            "{\"adult\":false,\"id\":14,\"original_title\":\"Trunc",
            "{\"adult\":false,\"original_title\":\"No id\",\"popularity\":1.0,\"video\":false}",
            exportLine(0, "Zero", 1.0),
            exportLine(15, "Minus", -0.5),
            "{\"adult\":false,\"id\":16,\"original_title\":\"NaN\",\"popularity\":NaN,\"video\":false}",
            "",
            exportLine(17, "Kept", 0.6)));

    SilverBuildReport report = build();

    assertThat(rows(Tables.STATUS_FACT))
        .containsExactly("13|2026-11-20|3.5|null|null", "17|2026-11-20|0.6|null|null");
    assertThat(
            SharedSpark.rows(
                table(Tables.QUARANTINE).select("entity", "snapshot_date", "reason", "raw")))
        .as("one row per bad line, the line verbatim; the blank line is no record")
        .containsExactly(
            "export_movie|2026-11-20|id_out_of_range|" + exportLine(0, "Zero", 1.0),
            "export_movie|2026-11-20|malformed_json|{\"adult\":false,\"id\":14,\"original_title\":\"Trunc",
            "export_movie|2026-11-20|missing_id|{\"adult\":false,\"original_title\":\"No id\",\"popularity\":1.0,\"video\":false}",
            "export_movie|2026-11-20|negative_popularity|" + exportLine(15, "Minus", -0.5),
            "export_movie|2026-11-20|non_finite_number|{\"adult\":false,\"id\":16,\"original_title\":\"NaN\",\"popularity\":NaN,\"video\":false}");
    assertThat(report.change("status_fact").quarantined()).isEqualTo(5);
  }

  @Test
  void anIdTheExportListsTwiceKeepsItsMostPopularLine() {
    export(
        root,
        NOV_20,
        List.of(
            exportLine(13, "Forrest Gump", 3.5),
            exportLine(13, "Forrest Gump", 4.0),
            exportLine(13, "Forrest Gump", 1.0)));

    build();

    assertThat(rows(Tables.STATUS_FACT)).containsExactly("13|2026-11-20|4.0|null|null");
  }

  @Test
  void anExportWithoutItsMetadataIsStillBeingWrittenAndWaitsForALaterBuild() {
    exportWithoutMetadata(root, NOV_20, List.of(exportLine(13, "Forrest Gump", 3.5)));

    assertThat(build().filesBuilt()).as("the unfinished export").isZero();

    exportNov20();
    assertThat(build().filesBuilt()).isEqualTo(1);
    assertThat(rows(Tables.STATUS_FACT)).hasSize(4);
  }

  @Test
  void eachDaysFilesHoldOneMovieIdRangeSoOneMoviesHistoryReadsOneFilePerDay() {
    for (LocalDate day : List.of(NOV_20, NOV_21)) {
      List<String> lines = new ArrayList<>();
      for (int id = 1; id <= 40; id++) {
        lines.add(exportLine(id, "Movie " + id, id / 10.0));
      }
      export(root, day, lines);
    }

    Set<String> codegen = ConcurrentHashMap.newKeySet();
    SilverBuild.builder(spark, lake())
        .statusRowsPerFile(10)
        .largeExportBytes(1) // as for a whole-catalogue day
        .afterTableWrite(table -> codegen.add(spark.conf().get(WHOLE_STAGE)))
        .build()
        .run();

    assertThat(codegen)
        .as("code generation while the tables of a large export were written (LargeBatch)")
        .containsExactly("true");
    assertThat(spark.conf().get(WHOLE_STAGE))
        .as("the session's own after the build")
        .isEqualTo("false");

    List<String> files =
        SharedSpark.rows(
            table(Tables.STATUS_FACT)
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
    Dataset<Row> oneMovie = table(Tables.STATUS_FACT).filter(col("movie_id").equalTo(25));
    assertThat(SharedSpark.rows(oneMovie))
        .containsExactly("25|2026-11-20|2.5|null|null", "25|2026-11-21|2.5|null|null");
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
