package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableNaming;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local pipeline as the README's first command runs it: the real TMDB client against the
 * bundled loopback TMDB, bronze, silver, then SQL over the lake. The lake is {@link DemoLake}'s,
 * built afresh here and reused by {@link ReportBrowserIT}: tests that change it (a second demo run,
 * a job run) are undone after the class, so the lake stays that of one demo run.
 */
class DemoTest {

  private static Path root;
  private static LakeLayout lake;
  private static String demoOutput;
  private static Path snapshot;

  @BeforeAll
  static void runDemo() throws Exception {
    DemoLake.Built built = DemoLake.build();
    root = built.root();
    lake = built.layout();
    demoOutput = built.output();
    snapshot = DemoLake.snapshot();
  }

  @AfterAll
  static void undoChanges() throws Exception {
    if (snapshot != null) {
      DemoLake.restore(snapshot);
    }
  }

  private interface Body {
    void run(PrintStream out) throws Exception;
  }

  private static String capture(Body body) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      body.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String sql(String query) throws Exception {
    return capture(
        out -> SqlCommand.run(LocalSpark.session(), lake, TableNaming.local(), query, out));
  }

  @Test
  void demoIngestsFiveDaysAndBuildsTheStarSchema() {
    assertThat(demoOutput)
        .contains("ingest 2026-10-30: 40 movies, 19 genres -> bronze")
        .contains("ingest 2026-11-01: 39 movies, 19 genres -> bronze")
        .contains("silver: built 10 bronze file(s)")
        .contains("status_fact: inserted 198, updated 0, deleted 0, quarantined 1")
        .contains("ratings_fact: inserted 2005, updated 0, deleted 0, quarantined 0")
        .contains("movie_rankings: inserted 198, updated 0, deleted 0, quarantined 0")
        .contains("Ten most popular movies on 2026-11-03:")
        .contains("   1. Oppenheimer");
  }

  @Test
  void tablesHoldTheSampleExactly() throws Exception {
    assertThat(
            sql(
                "SELECT (SELECT count(*) FROM status_fact) f, (SELECT count(*) FROM movies_dim) m, (SELECT count(*) FROM genres_dim) g, (SELECT count(*) FROM dates_dim) d, (SELECT count(*) FROM quarantine) q"))
        .isEqualTo("f,m,g,d,q\n198,44,19,5,1\n");
    assertThat(sql("SELECT date_id, day, month, year FROM dates_dim ORDER BY date_id"))
        .as("month boundary crossed, generated columns computed")
        .isEqualTo(
            "date_id,day,month,year\n2026-10-30,30,10,2026\n2026-10-31,31,10,2026\n2026-11-01,1,11,2026\n2026-11-02,2,11,2026\n2026-11-03,3,11,2026\n");
  }

  @Test
  void analyticsStagesRunOnTheSampleRatings() throws Exception {
    assertThat(sql("SELECT count(*) n, count(DISTINCT user_key) users FROM ratings_fact"))
        .isEqualTo("n,users\n2005,60\n");
    assertThat(sql("SELECT count(*) FROM ratings_fact WHERE user_key RLIKE '^[0-9a-f]{64}$'"))
        .as("user ids pseudonymised to HMAC-SHA256 hex")
        .isEqualTo("count(1)\n2005\n");
    assertThat(sql("SELECT count(*) FROM ratings_fact WHERE user_key LIKE 'u0%'"))
        .isEqualTo("count(1)\n0\n");
    assertThat(
            sql(
                "SELECT count(DISTINCT date_id) d, min(weighted_rank) lo, max(weighted_rank) hi FROM movie_rankings"))
        .isEqualTo("d,lo,hi\n5,1,40\n");
    assertThat(
            sql(
                "SELECT count(*) FROM user_recommendations u JOIN ratings_fact r USING (user_key, movie_id)"))
        .as("no already-rated movie recommended")
        .isEqualTo("count(1)\n0\n");
    assertThat(
            sql(
                "SELECT count(*) > 0 AND count(*) = count(DISTINCT model_version) AS ok FROM recommender_metrics"))
        .as("one metrics row per trained model version (the demo may have run twice)")
        .isEqualTo("ok\ntrue\n");
  }

  @Test
  void sampleCornerCasesShowUpWhereTheyShould() throws Exception {
    assertThat(sql("SELECT reason, entity FROM quarantine"))
        .isEqualTo("reason,entity\ninvalid_vote_count,movie\n");
    assertThat(sql("SELECT title FROM movies_dim WHERE movie_id = 346698"))
        .as("retitled on day 4: SCD1")
        .isEqualTo("title\nBarbie (2023)\n");
    assertThat(sql("SELECT genre FROM genres_dim WHERE genre_id = 878"))
        .as("renamed on day 5")
        .isEqualTo("genre\nSci-Fi\n");
    assertThat(sql("SELECT count(*) n FROM status_fact WHERE date_id = DATE'2026-11-01'"))
        .as("40 fetched, one repeated across pages, one quarantined")
        .isEqualTo("n\n38\n");
  }

  @Test
  void secondDemoRunChangesNoRowAndKeepsTheTrainedRecommender() throws Exception {
    Map<String, List<String>> rows = tableRows();
    long metricsVersion = version("gold/recommender_metrics");
    long recommendationsVersion = version("gold/user_recommendations");
    String[] models = root.resolve("_state/models/als").toFile().list();

    String second = capture(out -> DemoCommand.run(LocalSpark.session(), lake, out));

    assertThat(second)
        .as("second demo run: the same ratings and rankings, so no training%n%s", second)
        .contains("recommend: nothing new since model als-");
    assertThat(tableRows())
        .as("every table's rows after a second demo run (run clocks aside)")
        .isEqualTo(rows);
    assertThat(version("gold/recommender_metrics")).as("metrics commits").isEqualTo(metricsVersion);
    assertThat(version("gold/user_recommendations"))
        .as("user_recommendations commits")
        .isEqualTo(recommendationsVersion);
    assertThat(root.resolve("_state/models/als").toFile().list())
        .as("model versions saved")
        .containsExactly(models);
  }

  /** Each table of the lake and its rows (LakeTables.read: run clocks aside), sorted. */
  private static Map<String, List<String>> tableRows() throws Exception {
    Map<String, List<String>> rows = new java.util.TreeMap<>();
    for (String table : LakeTables.tables(root)) {
      rows.put(
          table,
          LakeTables.read(LocalSpark.session(), root, table, root).collectAsList().stream()
              .map(Row::toString)
              .sorted()
              .toList());
    }
    return rows;
  }

  private static long version(String table) {
    return DeltaTables.version(
        DeltaTable.forPath(LocalSpark.session(), root.resolve(table).toString()));
  }

  @Test
  void demoWritesTheReportIntoTheLakeAndPrintsItsPath() throws Exception {
    Path report = root.resolve("gold/report/2026-11-03.html");

    assertThat(demoOutput).as("path printed").contains("report: " + report + "\n");
    assertThat(report).as("report file in the lake").isRegularFile();
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>")
        .contains("<title>movie-status report 2026-11-03</title>")
        .contains("<section class=\"chart-section\" id=\"top20\"")
        .contains("Oppenheimer");
  }

  @Test
  void tablesAreAddressableByNameInTheMoviesSchema() throws Exception {
    assertThat(
            sql(
                "SELECT (SELECT count(*) FROM movies.status_fact) f, (SELECT count(*) FROM spark_catalog.movies.movie_rankings) r"))
        .as("sql registers the lake's tables as movies.<table> in the session catalog")
        .isEqualTo("f,r\n198,198\n");
  }

  @Test
  void aJobWithASchemaRegistersTheLakeTablesThere() {
    Cli result = Cli.run("gold", "--lake", lake.root(), "--schema", "demo_job");

    assertThat(result.exitCode()).as("gold --schema: %s", result.err()).isZero();
    assertThat(LocalSpark.session().table("demo_job.movie_rankings").count())
        .as("spark.table by the registered name")
        .isEqualTo(198);
    assertThat(LocalSpark.session().catalog().tableExists("demo_job.user_recommendations"))
        .as("every table present in the lake is registered, not only the job's own")
        .isTrue();
  }

  @Test
  void everyDashboardQueryRunsOnTheDemoLakeAndHasTheColumnsItsWidgetsRead() throws Exception {
    sql("SELECT 1"); // registers the lake's tables as spark_catalog.movies.<table>
    Map<String, Set<String>> widgets = DashboardFiles.widgetFields();
    Map<String, String> queries = DashboardFiles.queries();
    assertThat(queries.keySet())
        .as("terraform/dashboards/queries/*.sql")
        .containsExactlyInAnyOrder(
            "top_movies",
            "popularity_trends",
            "rank_movers",
            "genre_mix",
            "ratings_activity",
            "recommender_quality",
            "data_quality");
    for (Map.Entry<String, String> query : queries.entrySet()) {
      Dataset<Row> result =
          LocalSpark.session()
              .sql(DashboardFiles.render(query.getValue(), "spark_catalog", "movies"));
      assertThat(result.count()).as("rows of dashboard dataset %s", query.getKey()).isPositive();
      assertThat(List.of(result.columns()))
          .as("columns of dataset %s read by its widgets", query.getKey())
          .containsAll(widgets.getOrDefault(query.getKey(), Set.of()));
    }
  }

  @Test
  void sqlPrintsCsvWithQuotingWhereNeeded() throws Exception {
    assertThat(
            sql(
                "SELECT movie_id, title FROM movies_dim WHERE movie_id IN (13, 299534) ORDER BY movie_id"))
        .isEqualTo("movie_id,title\n13,Forrest Gump\n299534,Avengers: Endgame\n");
    assertThat(sql("SELECT 'a,b' AS x, CAST(NULL AS STRING) AS y")).isEqualTo("x,y\n\"a,b\",\n");
  }
}
