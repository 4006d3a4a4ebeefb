package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.ingest.IngestResult;
import io.moviestatus.ingest.TmdbCredential;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import io.moviestatus.recommend.Confidence;
import io.moviestatus.recommend.Recommender;
import io.moviestatus.recommend.RecommenderConfig;
import io.moviestatus.report.Report;
import io.moviestatus.transform.gold.GoldBuild;
import io.moviestatus.transform.ratings.PseudonymKey;
import io.moviestatus.transform.ratings.RatingsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code movie-status demo}: every stage on bundled sample data, no network. TMDB is played by a
 * loopback server serving bundled responses for five days across a month boundary; the real client
 * ingests them into bronze, then silver is built; bundled anonymous ratings are imported, gold
 * rankings built and the ALS recommender trained; finally row counts and the latest day's ten most
 * popular movies are printed, and the HTML report is written into the lake ({@code
 * <lake>/gold/report/<date>.html}) and its path printed.
 */
@LongRun
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run every stage on bundled sample data into the lake (default ./lake) and print a summary.")
final class DemoCommand implements Callable<Integer> {

  /**
   * Pseudonymisation key of the demo's sample ratings: not a secret, never use it for real data.
   */
  static final String DEMO_KEY = "movie-status-demo-key-not-a-secret";

  /**
   * The demo's recommender: the defaults with both grids narrowed to the values the whole default
   * grid chooses on the bundled ratings (ranking model rank 32, regParam 1, α 4, CENTERED; rating
   * model rank 20, regParam 0.1), so it fits each model once where {@code recommend} tries 4 + 2
   * candidates; and one ALS block instead of Spark's 10 (as {@code recommend --blocks 1}): its
   * 2,005 ratings fit in one task per stage, and ten tasks of a few ratings each cost more in
   * scheduling than they share out. Cold {@code recommend} with this grid on the demo lake, two
   * runs each in turns: training 65–69 s with 10 blocks, 33 s with one, 37–40 s with two; the same
   * parameters chosen, test NDCG@10 0.6575 → 0.6590, RMSE 0.5869 → 0.5868 (ALS seeds its initial
   * factors per block), the same 530 recommendations; the whole process 93–98 s → 60 s.
   */
  static final RecommenderConfig RECOMMENDER =
      RecommenderConfig.defaults()
          .withSeed(42)
          .withGrid(List.of(20), List.of(0.1))
          .withRankingGrid(List.of(32), List.of(1.0), List.of(4.0), List.of(Confidence.CENTERED))
          .withBlocks(1);

  @Mixin LakeOption lake = new LakeOption();
  @Mixin TimingsOption timings = new TimingsOption();

  @Override
  public Integer call() throws IOException {
    var startup = timings.startup();
    List<StageTimings.Stage> stages = run(Jobs.spark(), lake.layout(), System.out);
    timings.print("demo", startup, stages);
    return 0;
  }

  /**
   * Runs every stage into {@code lake}, printing to {@code out}; returns the time of each stage.
   */
  static List<StageTimings.Stage> run(SparkSession spark, LakeLayout lake, PrintStream out)
      throws IOException {
    StageTimings timings = new StageTimings("demo");
    try (SampleTmdbServer tmdb = new SampleTmdbServer()) {
      for (LocalDate day : SampleTmdbServer.days()) {
        tmdb.serveDay(day);
        IngestJob.Config config =
            new IngestJob.Config(
                lake, day, 40, tmdb.baseUrl(), TmdbCredential.bearer(SampleTmdbServer.TOKEN));
        IngestResult result = IngestJob.run(spark, config, out);
        out.printf(
            "ingest %s: %d movies, %d genres -> bronze%n", day, result.movies(), result.genres());
      }
    }
    timings.mark("ingest");
    out.println(SilverJob.run(spark, new SilverJob.Config(lake, null, null)));
    timings.mark("silver");

    Path drop = Files.createTempDirectory("movie-status-ratings");
    try {
      Path events = drop.resolve("events.csv");
      try (InputStream in = DemoCommand.class.getResourceAsStream("/sample/ratings/events.csv")) {
        Files.copy(requireNonNull(in, "bundled sample/ratings/events.csv missing"), events);
      }
      PseudonymKey key = PseudonymKey.ofText(DEMO_KEY);
      out.println(
          RatingsJob.run(
              spark,
              new RatingsJob.Config(lake, events.toString(), RatingsFormat.EVENTS, null, key)));
    } finally {
      try (var files = Files.walk(drop)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    timings.mark("ratings");
    out.println(
        GoldJob.run(spark, new GoldJob.Config(lake, null, GoldBuild.DEFAULT_MINIMUM_VOTES)));
    timings.mark("gold");
    out.println(Recommender.builder(spark, lake).config(RECOMMENDER).build().run());
    timings.mark("recommend");
    summary(spark, lake, out);
    timings.mark("summary");
    out.println();
    out.println(
        "report: "
            + ReportJob.run(spark, new ReportJob.Config(lake, null, Report.DEFAULT_DAYS, null)));
    timings.mark("report");
    return timings.stages();
  }

  static void summary(SparkSession spark, LakeLayout lake, PrintStream out) {
    List<String> views = DeltaTables.registerViews(spark, lake, Tables.all());
    out.println();
    out.println("Row counts in " + lake.root() + ":");
    for (TableContract table : Tables.all()) {
      if (views.contains(table.name())) {
        out.printf("  %-20s %8d%n", table.name(), spark.table(table.name()).count());
      }
    }
    List<Row> top =
        spark
            .sql(
                "SELECT f.date_id, m.title, f.popularity, f.vote_average, f.vote_count "
                    + "FROM status_fact f JOIN movies_dim m USING (movie_id) "
                    + "WHERE f.date_id = (SELECT max(date_id) FROM status_fact) "
                    + "ORDER BY f.popularity DESC, m.title LIMIT 10")
            .collectAsList();
    if (top.isEmpty()) {
      return;
    }
    out.println();
    out.println("Ten most popular movies on " + top.get(0).get(0) + ":");
    int rank = 1;
    for (Row row : top) {
      out.printf(
          "  %2d. %-50s popularity %8.2f  votes %4.1f (%d)%n",
          rank++, row.getString(1), row.getFloat(2), row.getFloat(3), row.getInt(4));
    }
  }
}
