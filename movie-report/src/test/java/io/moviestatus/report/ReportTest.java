package io.moviestatus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.gold.GoldBuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report built from a real Delta lake (silver written, gold built by GoldBuild): which date,
 * which rows reach each chart, the metrics table read as found, writing through Hadoop.
 *
 * <p>Popularity ranks: D-8: movie 3, 2, 1; D-1: 1, 2, 4, 3; D: 1, 2, 4, 3. Against D-8 (the latest
 * snapshot at least 7 days before D) movie 1 climbed 2 places, 2 stayed, 3 fell 3, 4 is new.
 */
class ReportTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 25);
  private static final String EVIL = "<b>Bold</b> & 'Quoted'";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path root;
  private static LakeLayout lake;
  private static final SparkSession spark = SharedSpark.spark();

  @BeforeAll
  static void lake() {
    lake = LakeLayout.of(root.resolve("lake").toString());
    LakeWriter writer = new LakeWriter(spark, lake);
    write(
        writer,
        Tables.STATUS_FACT,
        status(D.minusDays(8), 1, 10f),
        status(D.minusDays(8), 2, 20f),
        status(D.minusDays(8), 3, 30f),
        status(D.minusDays(1), 1, 45f),
        status(D.minusDays(1), 2, 35f),
        status(D.minusDays(1), 3, 4f),
        status(D.minusDays(1), 4, 25f),
        status(D, 1, 50f),
        status(D, 2, 40f),
        status(D, 3, 5f),
        status(D, 4, 30f));
    write(
        writer,
        Tables.MOVIES_DIM,
        RowFactory.create(1, EVIL, "en", "", null, null, false, false),
        RowFactory.create(2, "Two", "en", "", null, null, false, false),
        RowFactory.create(3, "Three", "fr", "", null, null, false, false),
        RowFactory.create(4, "Four", "en", "", null, null, false, false));
    write(
        writer,
        Tables.GENRES_DIM,
        RowFactory.create(28, "Action"),
        RowFactory.create(35, "Comedy"));
    write(
        writer,
        Tables.MOVIES_GENRES,
        RowFactory.create(1, 28),
        RowFactory.create(2, 28),
        RowFactory.create(2, 35),
        RowFactory.create(3, 35));
    write(
        writer,
        Tables.RATINGS_FACT,
        rating("a", 1, D.minusDays(1), 4.0f),
        rating("b", 1, D.minusDays(1), 4.0f),
        rating("a", 2, D, 2.5f),
        rating("c", 3, D.plusDays(1), 5.0f)); // after D: in no chart of D
    GoldBuild.builder(spark, lake).build().run();

    // recommender_metrics with columns the report has never heard of
    StructType metrics =
        new StructType()
            .add("model_version", DataTypes.StringType)
            .add("trained_at", DataTypes.TimestampType)
            .add("mrr_at_5", DataTypes.DoubleType)
            .add("baseline_mrr_at_5", DataTypes.DoubleType)
            .add("popular_mrr_at_5", DataTypes.DoubleType)
            .add("novelty", DataTypes.DoubleType);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "m1",
                    Timestamp.from(Instant.parse("2026-11-20T05:00:00Z")),
                    0.31,
                    0.25,
                    0.28,
                    2.0),
                RowFactory.create(
                    "m2",
                    Timestamp.from(Instant.parse("2026-11-24T05:00:00Z")),
                    0.34,
                    0.26,
                    0.29,
                    2.5)),
            metrics)
        .write()
        .format("delta")
        .save(lake.tablePath(Tables.RECOMMENDER_METRICS));
  }

  private static void write(LakeWriter writer, TableContract table, Row... rows) {
    writer.replaceAll(table, spark.createDataFrame(List.of(rows), table.schema()));
  }

  private static Row status(LocalDate day, int movie, float popularity) {
    return RowFactory.create(movie, Date.valueOf(day), popularity, 7.0f, 1000);
  }

  private static Row rating(String user, int movie, LocalDate day, float rating) {
    return RowFactory.create(
        user, movie, Date.valueOf(day), rating, Timestamp.valueOf(day.atTime(12, 0)));
  }

  private static Report.Builder report() {
    return Report.builder(spark, lake).clock(CLOCK);
  }

  @Test
  void latestDateByDefaultWithOneMarkPerRowOfEachChart() {
    Report report = report().build();
    String html = report.render();
    PageAnatomy page = PageAnatomy.of(html);

    assertThat(report.date()).as("latest movie_rankings date").isEqualTo(D);
    assertThat(page.marks())
        .as(
            "marks per chart: 4 movies; 11 of their 12 (movie, date) values in 3 snapshot dates;"
                + " 1 up + 1 down; 2 genres × 3 dates; 2 rating days; 2 rating values; 1"
                + " metric with twins × 2 versions; no quarantine or processed-files table")
        .containsExactly(
            entry("top20", 4),
            entry("trends", 11),
            entry("movers", 2),
            entry("scatter", 4),
            entry("genres", 6),
            entry("ratings-daily", 2),
            entry("ratings-distribution", 2),
            entry("recommender", 2),
            entry("quarantine", 0),
            entry("processed-files", 0));
    assertThat(page.dataRows()).isEqualTo(page.marks());
    assertThat(html)
        .as("rank changes against D-8, ratings only up to D, title escaped")
        .contains("Rank change over 8 days (since 2026-11-17).")
        .contains("<span class=\"up\" aria-label=\"up 2\">▲2</span>")
        .contains("<span class=\"same\" aria-label=\"unchanged\">=</span>")
        .contains("<span class=\"down\" aria-label=\"down 3\">▼3</span>")
        .contains("<tr><td>2026-11-24</td><td>2</td></tr>")
        .contains("<tr><td>2.5</td><td>1</td></tr>")
        .doesNotContain("<b>Bold")
        .contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &#39;Quoted&#39;")
        .contains("generated 2026-11-25T06:00:00Z");
    assertThat(html)
        .as("metrics read as found: unknown metric beside both baselines, every column listed")
        .contains(
            "<tr><td>m1</td><td>mrr_at_5</td><td>0.31</td><td>0.25</td><td>0.28</td><td>+0.06</td><td>+0.03</td></tr>")
        .contains("<th scope=\"col\">novelty</th>")
        .contains("<td>m2</td><td>2026-11-24T05:00:00Z</td>");
  }

  @Test
  void shorterWindowKeepsOnlyItsDates() {
    PageAnatomy page = PageAnatomy.of(report().date(D).days(2).build().render());

    assertThat(page.marks())
        .as("D-1 and D only: 4 movies × 2 dates, 2 genres × 2 dates; movers still against D-8")
        .contains(entry("trends", 8), entry("genres", 4), entry("movers", 2));
  }

  @Test
  void earlierDateComparesWithItsOwnHistory() {
    String html = report().date(D.minusDays(1)).build().render();

    assertThat(html)
        .contains("<title>movie-status report 2026-11-24</title>")
        .contains("Rank change over 7 days (since 2026-11-17).");
  }

  @Test
  void dateWithoutRankingsIsRejected() {
    assertThatThrownBy(() -> report().date(D.minusDays(3)).build().render())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gold movie_rankings has no rows for 2026-11-22: run gold for that date first");
    assertThatThrownBy(() -> report().days(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be between 1 and 366, was 0");
  }

  @Test
  void lakeWithoutGoldNamesTheMissingStep() {
    LakeLayout empty = LakeLayout.of(root.resolve("empty").toString());

    assertThatThrownBy(() -> Report.builder(spark, empty).build().render())
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessage(
            "gold movie_rankings is empty at "
                + empty.tablePath(Tables.MOVIE_RANKINGS)
                + ": run silver and gold first");
  }

  @Test
  void writeToLakePutsOneFileUnderGoldReportAndReplacesIt() throws Exception {
    Report report = report().build();

    String first = report.writeToLake();
    String second = report.writeToLake();

    Path file = Path.of(lake.gold(), "report", "2026-11-25.html");
    assertThat(first).isEqualTo(second).isEqualTo(file.toString());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(report.render());
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary or checksum file left")
          .containsExactly("2026-11-25.html");
    }
  }
}
