package io.moviestatus.transform.silver;

import static io.moviestatus.transform.testing.BronzeFixtures.discover;
import static io.moviestatus.transform.testing.BronzeFixtures.discoverLines;
import static io.moviestatus.transform.testing.BronzeFixtures.genres;
import static io.moviestatus.transform.testing.BronzeFixtures.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.testing.BronzeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver built from discover snapshots and genre lists, through Delta. The scenarios share one lake
 * on their own snapshot dates, movie ids and genre ids, and assert only their own rows. Before the
 * tests, one build loads the base scenario (two days of three movies) and the first step ("given")
 * of every scenario that continues in its test; every test leaves no file unbuilt, so each build in
 * a test takes only the files that test wrote, and reports only their changes. Row-level rules
 * (best-ranked occurrence, top N, genre names, quarantine reasons) are proven in SilverBuildersTest
 * and BronzeParserTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilverBuildTest {

  private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);
  private static final String BASE_MOVIES = "movie_id IN (550, 603, 13)";
  private static final String BASE_DAYS = "date_id IN (DATE'2026-11-20', DATE'2026-11-21')";

  @TempDir static Path root;
  private SilverTestLake lake;
  private Path reFetchedFile;
  private Path badRecordsFile;

  @BeforeAll
  void buildTheBaseAndEveryScenariosFirstStep() throws Exception {
    lake = new SilverTestLake(root);
    genres(root, NOV_20, Map.of(18, "Drama", 28, "Action", 35, "Comedy"));
    discover(
        root,
        NOV_20,
        List.of(
            movie(550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(603, "The Matrix", 40.25, 8.2, 25000, 28)));
    discover(
        root,
        NOV_21,
        List.of(
            movie(603, "The Matrix", 45.5, 8.2, 25010, 28),
            movie(13, "Forrest Gump", 30.0, 8.5, 27000, 18, 35)));
    // An ingest in flight beside the base's files: its temporary file is no snapshot.
    Path month =
        Path.of(BronzeContract.snapshotPath(lake.layout(), Source.DISCOVER_MOVIE, NOV_20))
            .getParent();
    Files.writeString(month.resolve(".2026-11-23.jsonl.1234.tmp"), "{partial");

    givenTheDayBeforeTheNextDay();
    givenDaysOnBothSidesOfAMonthBoundary();
    givenANewerDayThanTheBackfill();
    givenTwoDaysOfWhichOneIsReFetched();
    givenBadRecords();
    lake.build();
  }

  @Test
  void firstBuildCreatesEveryTableFromItsContract() {
    List<TableContract> silverBuildTables = new ArrayList<>(Tables.starSchema());
    silverBuildTables.addAll(List.of(Tables.QUARANTINE, Tables.PROCESSED_FILES));
    for (TableContract contract : silverBuildTables) {
      StructType actual = lake.table(contract).schema();
      assertThat(actual.fieldNames())
          .as("columns of %s", contract.name())
          .containsExactly(contract.schema().fieldNames());
      for (StructField field : contract.schema().fields()) {
        StructField column = actual.apply(field.name());
        assertThat(column.dataType())
            .as("type of %s.%s", contract.name(), field.name())
            .isEqualTo(field.dataType());
        assertThat(column.nullable())
            .as("nullability of %s.%s", contract.name(), field.name())
            .isEqualTo(field.nullable());
      }
    }
  }

  @Test
  void firstBuildLoadsTheStarSchemaExactly() {
    // The counts a build reports: theNextDayAddsOnlyItsRowsAndUpdatesWhatChangedInPlace.
    assertThat(lake.rows(Tables.STATUS_FACT, BASE_DAYS))
        .containsExactly(
            "13|2026-11-21|30.0|8.5|27000",
            "550|2026-11-20|61.5|8.4|30000",
            "603|2026-11-20|40.25|8.2|25000",
            "603|2026-11-21|45.5|8.2|25010");
    assertThat(lake.rows(Tables.MOVIES_DIM, BASE_MOVIES))
        .containsExactly(
            "13|Forrest Gump|en|Overview of Forrest Gump|/p13.jpg|Forrest Gump|false|false",
            "550|Fight Club|en|Overview of Fight Club|/p550.jpg|Fight Club|false|false",
            "603|The Matrix|en|Overview of The Matrix|/p603.jpg|The Matrix|false|false");
    assertThat(lake.rows(Tables.GENRES_DIM, "genre_id IN (18, 28, 35)"))
        .containsExactly("18|Drama", "28|Action", "35|Comedy");
    assertThat(lake.rows(Tables.MOVIES_GENRES, BASE_MOVIES))
        .containsExactly("13|18", "13|35", "550|18", "603|28");
    assertThat(lake.rows(Tables.DATES_DIM, BASE_DAYS))
        .as("day, month, year generated by Delta")
        .containsExactly("2026-11-20|20|11|2026", "2026-11-21|21|11|2026");
  }

  @Test
  void tempFilesOfAnInFlightIngestAreIgnored() {
    assertThat(
            SharedSpark.rows(
                lake.table(Tables.PROCESSED_FILES)
                    .filter("path LIKE '%/discover_movie/2026/11/%'")
                    .selectExpr("regexp_extract(path, '[^/]+$', 0)")))
        .as("November's snapshots are built, not the temporary file beside them")
        .containsExactly("2026-11-01.jsonl", "2026-11-20.jsonl", "2026-11-21.jsonl");
    assertThat(lake.rows(Tables.QUARANTINE, "source_file LIKE '%.tmp'")).isEmpty();
  }

  @Test
  void secondBuildOverTheSameBronzeFindsNothingToBuild() {
    // A rebuild changes no row: ExportSilverBuildTest.rebuildingTheSameDaysChangesNothing.
    SilverBuildReport incremental = lake.build();

    assertThat(incremental.filesBuilt()).as("incremental build finds nothing new").isZero();
    assertThat(incremental.changes()).as("and returns before any write").isEmpty();
  }

  private void givenTheDayBeforeTheNextDay() {
    LocalDate jan10 = LocalDate.of(2026, 1, 10);
    genres(root, jan10, Map.of(2018, "Drama", 2878, "Sci-Fi"));
    discover(
        root,
        jan10,
        List.of(movie(101, "One", 10, 7, 100, 2018, 2878), movie(102, "Two", 9, 7, 90, 2018)));
  }

  @Test
  void theNextDayAddsOnlyItsRowsAndUpdatesWhatChangedInPlace() {
    LocalDate jan11 = LocalDate.of(2026, 1, 11);
    genres(root, jan11, Map.of(2018, "Drama", 2878, "Science Fiction", 2099, "Documentary"));
    discover(
        root,
        jan11,
        List.of(
            movie(101, "One (Remastered)", 12.5, 7.1, 110, 2878, 2099),
            movie(102, "Two", 9.5, 7, 95),
            movie(103, "Three", 8, 6.5, 50, 2099)));
    String movies = "movie_id IN (101, 102, 103)";

    SilverBuildReport report = lake.build();

    assertThat(report.filesBuilt()).as("the day's snapshot and genre list").isEqualTo(2);
    assertThat(report.change("status_fact")).isEqualTo(new TableChange("status_fact", 3, 0, 0, 0));
    assertThat(lake.rows(Tables.STATUS_FACT, movies))
        .containsExactly(
            "101|2026-01-10|10.0|7.0|100",
            "101|2026-01-11|12.5|7.1|110",
            "102|2026-01-10|9.0|7.0|90",
            "102|2026-01-11|9.5|7.0|95",
            "103|2026-01-11|8.0|6.5|50");
    assertThat(report.change("dates_dim")).isEqualTo(new TableChange("dates_dim", 1, 0, 0, 0));
    assertThat(report.change("movies_dim"))
        .as("103 inserted, 101 renamed, 102 unchanged")
        .isEqualTo(new TableChange("movies_dim", 1, 1, 0, 0));
    assertThat(lake.rows(Tables.MOVIES_DIM, movies))
        .containsExactly(
            "101|One (Remastered)|en|Overview of One (Remastered)|/p101.jpg|One (Remastered)|false|false",
            "102|Two|en|Overview of Two|/p102.jpg|Two|false|false",
            "103|Three|en|Overview of Three|/p103.jpg|Three|false|false");
    assertThat(report.change("movies_genres"))
        .as("101 loses 2018 and gains 2099, 102 loses all, 103 gains 2099")
        .isEqualTo(new TableChange("movies_genres", 2, 0, 2, 0));
    assertThat(lake.rows(Tables.MOVIES_GENRES, movies))
        .containsExactly("101|2099", "101|2878", "103|2099");
    assertThat(report.toString())
        .as("2099 inserted, 2878 renamed, 2018 unchanged")
        .contains("genres_dim: inserted 1, updated 1, deleted 0, quarantined 0");
    assertThat(lake.rows(Tables.GENRES_DIM, "genre_id IN (2018, 2878, 2099)"))
        .containsExactly("2018|Drama", "2099|Documentary", "2878|Science Fiction");
  }

  private void givenDaysOnBothSidesOfAMonthBoundary() {
    discover(root, LocalDate.of(2026, 10, 30), List.of(movie(301, "One", 1, 1, 1)));
    discover(root, LocalDate.of(2026, 10, 31), List.of(movie(301, "One", 2, 1, 1)));
    discover(root, LocalDate.of(2026, 11, 1), List.of(movie(301, "One", 3, 1, 1)));
  }

  @Test
  void daysOnBothSidesOfAMonthBoundaryAreAllLoaded() {
    assertThat(lake.rows(Tables.DATES_DIM, "date_id BETWEEN DATE'2026-10-30' AND DATE'2026-11-01'"))
        .containsExactly("2026-10-30|30|10|2026", "2026-10-31|31|10|2026", "2026-11-01|1|11|2026");
    assertThat(lake.rows(Tables.STATUS_FACT, "movie_id = 301"))
        .containsExactly(
            "301|2026-10-30|1.0|1.0|1", "301|2026-10-31|2.0|1.0|1", "301|2026-11-01|3.0|1.0|1");
  }

  private void givenANewerDayThanTheBackfill() {
    discover(root, LocalDate.of(2026, 3, 11), List.of(movie(401, "New Title", 70, 8.4, 30100, 28)));
  }

  @Test
  void backfillOfAnOlderDayNeverOverwritesNewerAttributes() {
    discover(root, LocalDate.of(2026, 3, 10), List.of(movie(401, "Old Title", 60, 8.4, 30000, 18)));

    lake.build();

    assertThat(lake.rows(Tables.MOVIES_DIM, "movie_id = 401"))
        .containsExactly("401|New Title|en|Overview of New Title|/p401.jpg|New Title|false|false");
    assertThat(lake.rows(Tables.MOVIES_GENRES, "movie_id = 401")).containsExactly("401|28");
    assertThat(lake.rows(Tables.STATUS_FACT, "movie_id = 401"))
        .as("the old day's facts are loaded")
        .containsExactly("401|2026-03-10|60.0|8.4|30000", "401|2026-03-11|70.0|8.4|30100");
  }

  private static final LocalDate MAY_11 = LocalDate.of(2026, 5, 11);

  private void givenTwoDaysOfWhichOneIsReFetched() {
    discover(
        root,
        LocalDate.of(2026, 5, 10),
        List.of(
            movie(5550, "Fight Club", 61.5, 8.4, 30000, 18),
            movie(5603, "The Matrix", 40.25, 8.2, 25000, 28)));
    List<String> lines =
        new ArrayList<>(
            discoverLines(
                MAY_11,
                List.of(
                    movie(5603, "The Matrix", 45.5, 8.2, 25010, 28),
                    movie(5013, "Forrest Gump", 30.0, 8.5, 27000, 18, 35))));
    lines.add("not json at all");
    reFetchedFile = BronzeFixtures.write(root, Source.DISCOVER_MOVIE, MAY_11, lines);
  }

  @Test
  void reFetchedDayReplacesThatDaysValuesAndItsQuarantine() {
    String truncated = "{\"endpoint\":\"discover/movie\",\"snapshot_date\":\"2026-05-11\",\"bo";
    List<String> lines =
        new ArrayList<>(
            discoverLines(MAY_11, List.of(movie(5603, "The Matrix", 99.0, 8.3, 25500, 28))));
    lines.add(truncated);
    BronzeFixtures.write(root, Source.DISCOVER_MOVIE, MAY_11, lines);

    SilverBuildReport report = lake.build();

    assertThat(report.filesBuilt()).isEqualTo(1);
    assertThat(report.change("status_fact"))
        .as("5603 changed, 5013 gone; one record quarantined")
        .isEqualTo(new TableChange("status_fact", 0, 1, 1, 1));
    assertThat(lake.rows(Tables.STATUS_FACT, "date_id IN (DATE'2026-05-10', DATE'2026-05-11')"))
        .as("5013 dropped out of the re-fetched day; 5603 has new values")
        .containsExactly(
            "5550|2026-05-10|61.5|8.4|30000",
            "5603|2026-05-10|40.25|8.2|25000",
            "5603|2026-05-11|99.0|8.3|25500");
    assertThat(
            SharedSpark.rows(
                lake.table(Tables.QUARANTINE)
                    .filter("source_file = 'file:" + reFetchedFile + "'")
                    .select("reason", "raw")))
        .as("the file's rejects replaced: the new one, not the old one beside it")
        .containsExactly("malformed_json|" + truncated);
  }

  private static final String BAD_RECORD =
      "{\"id\":77,\"popularity\":3.0,\"vote_average\":11.0,\"vote_count\":5}";

  private void givenBadRecords() {
    String good = BronzeFixtures.json(movie(601, "One", 9, 7, 1));
    String body =
        "{\"page\":1,\"results\":["
            + good
            + ","
            + BAD_RECORD
            + "],\"total_pages\":1,\"total_results\":2}";
    badRecordsFile =
        BronzeFixtures.write(
            root,
            Source.DISCOVER_MOVIE,
            LocalDate.of(2026, 6, 10),
            List.of(
                BronzeFixtures.envelope(Source.DISCOVER_MOVIE, "2026-06-10", 1, 40, body),
                "not json at all"));
  }

  @Test
  void badRecordsGoToQuarantineWithReasonFileAndRawTextAndTheRestLoads() {
    // Every reason: BronzeParserTest; a rebuilt file's rejects replaced, and their count:
    // reFetchedDayReplacesThatDaysValuesAndItsQuarantine.
    assertThat(lake.rows(Tables.STATUS_FACT, "date_id = DATE'2026-06-10'"))
        .as("the rest of the file loads")
        .containsExactly("601|2026-06-10|9.0|7.0|1");
    assertThat(
            SharedSpark.rows(
                lake.table(Tables.QUARANTINE)
                    .filter("source_file = 'file:" + badRecordsFile + "'")
                    .select("source_file", "entity", "reason", "raw")))
        .containsExactly(
            "file:" + badRecordsFile + "|discover_page|malformed_json|not json at all",
            "file:" + badRecordsFile + "|movie|vote_average_out_of_range|" + BAD_RECORD);
  }

  @Test
  void buildThatFailsBetweenTwoTableWritesIsCompletedByTheNextBuild() {
    LocalDate jul10 = LocalDate.of(2026, 7, 10);
    genres(root, jul10, Map.of(7018, "Drama", 7028, "Action", 7035, "Comedy"));
    discover(
        root,
        jul10,
        List.of(
            movie(7550, "Fight Club", 61.5, 8.4, 30000, 7018),
            movie(7603, "The Matrix", 40.25, 8.2, 25000, 7028)));
    discover(
        root,
        LocalDate.of(2026, 7, 11),
        List.of(
            movie(7603, "The Matrix", 45.5, 8.2, 25010, 7028),
            movie(7013, "Forrest Gump", 30.0, 8.5, 27000, 7018, 7035)));
    String movies = "movie_id IN (7550, 7603, 7013)";
    String days = "date_id IN (DATE'2026-07-10', DATE'2026-07-11')";

    assertThatThrownBy(
            () ->
                lake.builder()
                    .afterTableWrite(
                        table -> {
                          if (table.equals("dates_dim")) {
                            throw new IllegalStateException("injected crash after " + table);
                          }
                        })
                    .build()
                    .run())
        .hasMessage("injected crash after dates_dim");
    assertThat(lake.rows(Tables.STATUS_FACT, days)).as("committed table is valid").hasSize(4);
    assertThat(lake.rows(Tables.DATES_DIM, days)).as("committed table is valid").hasSize(2);
    assertThat(lake.rows(Tables.MOVIES_DIM, movies)).as("later tables untouched").isEmpty();

    SilverBuildReport retry = lake.build();

    assertThat(retry.filesBuilt()).as("the unlogged files are built again").isEqualTo(3);
    assertThat(retry.changes())
        .as("the tables committed before the crash keep their rows; the others are completed")
        .containsExactly(
            new TableChange("status_fact", 0, 0, 0, 0),
            new TableChange("dates_dim", 0, 0, 0, 0),
            new TableChange("movies_dim", 3, 0, 0, 0),
            new TableChange("movies_genres", 4, 0, 0, 0),
            new TableChange("genres_dim", 3, 0, 0, 0));
    assertThat(lake.build().filesBuilt()).isZero();
  }

  @Test
  void notNullColumnsAreEnforcedWithAClearError() {
    SilverWriter writer = new SilverWriter(lake.spark(), lake.layout());
    Dataset<Row> nullId =
        lake.spark()
            .sql(
                "SELECT CAST(NULL AS INT) AS movie_id, DATE'2026-12-31' AS date_id, 1.0f AS popularity, 5.0f AS vote_average, 3 AS vote_count");

    assertThatThrownBy(
            () -> writer.replaceStatusDays(nullId, List.of(LocalDate.of(2026, 12, 31)), 0, 0))
        .hasMessageContaining("NOT NULL constraint violated for column: movie_id");
  }
}
