package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.gold.GoldBuild;
import io.moviestatus.transform.ratings.PseudonymKey;
import io.moviestatus.transform.ratings.RatingsFormat;
import io.moviestatus.transform.testing.BronzeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code movie-status pipeline}: silver, ratings and gold in one process must leave the lake
 * exactly as the three commands run one after the other, and a failing stage must stop it with the
 * earlier stages committed.
 */
class PipelineCommandTest {

  private static final String KEY = "pipeline-test-pseudonymisation-key";
  private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 20);
  private static final LocalDate DAY_2 = LocalDate.of(2026, 11, 21);

  @TempDir Path root;

  /** Two days of discover snapshots and a genre list, the same in every lake it is written to. */
  private static void bronze(Path lake) {
    BronzeFixtures.genres(lake, DAY_1, Map.of(18, "Drama", 28, "Action", 35, "Comedy"));
    BronzeFixtures.discover(
        lake,
        DAY_1,
        List.of(
            BronzeFixtures.movie(550, "Fight Club", 61.5, 8.4, 1550, 18),
            BronzeFixtures.movie(603, "The Matrix", 40.25, 8.2, 1603, 28)),
        List.of(BronzeFixtures.movie(13, "Forrest Gump", 30.0, 8.5, 1013, 18, 35)));
    BronzeFixtures.discover(
        lake,
        DAY_2,
        List.of(
            BronzeFixtures.movie(603, "The Matrix", 45.5, 8.2, 1610, 28),
            BronzeFixtures.movie(680, "Pulp Fiction", 38.0, 8.5, 1680, 35)));
  }

  private Path ratingsFile(String name, String text) throws Exception {
    Path drop = Files.createDirectories(root.resolve("drop-" + name));
    return Files.writeString(drop.resolve(name), text);
  }

  /** Runs {@code pipeline} on {@code lake} with an events file of one rating. */
  private Cli pipelineWithOneRating(Path lake) throws Exception {
    Path ratings =
        ratingsFile(
            "events.csv", "user_id,movie_id,rating,rated_at\nu1,550,4.5,2026-11-20T10:00:00Z\n");
    return pipeline(
        "--lake", lake.toString(), "--ratings", ratings.toString(), "--ratings-format", "events");
  }

  /** Runs {@code pipeline} in this JVM with RATINGS_HMAC_KEY set. */
  private static Cli pipeline(String... args) {
    PipelineCommand command = new PipelineCommand();
    command.environment = Map.of("RATINGS_HMAC_KEY", KEY);
    return Cli.runCommand(command, args);
  }

  @Test
  void pipelineLeavesEveryTableAsSilverRatingsAndGoldRunOneAfterTheOther() throws Exception {
    SparkSession spark = LocalSpark.session();
    Path separate = root.resolve("separate");
    Path together = root.resolve("pipeline");
    bronze(separate);
    bronze(together);
    Path ratings =
        ratingsFile(
            "events.csv",
            "user_id,movie_id,rating,rated_at\n"
                + "u1,550,4.5,2026-11-20T10:00:00Z\n"
                + "u1,603,3.0,2026-11-20T11:00:00Z\n"
                + "u2,550,5.0,2026-11-21T09:30:00Z\n"
                + "u2,680,2.5,2026-11-21T09:45:00Z\n");

    LakeLayout layout = LakeLayout.of(separate.toString());
    SilverJob.run(spark, new SilverJob.Config(layout, null, null));
    RatingsJob.run(
        spark,
        new RatingsJob.Config(
            layout, ratings.toString(), RatingsFormat.EVENTS, null, PseudonymKey.ofText(KEY)));
    GoldJob.run(spark, new GoldJob.Config(layout, null, GoldBuild.DEFAULT_MINIMUM_VOTES));

    Cli run =
        pipeline(
            "--lake",
            together.toString(),
            "--ratings",
            ratings.toString(),
            "--ratings-format",
            "events",
            "--timings");

    assertThat(run.exitCode()).as("exit code of pipeline%n%s", run).isZero();
    assertThat(run.out().lines())
        .as("the three stages' reports, in order, and the pipeline's timings%n%s", run)
        .contains(
            "silver: built 3 bronze file(s)",
            "status_fact: inserted 5, updated 0, deleted 0, quarantined 0",
            "ratings: landed 1 file(s), built 1 file(s)",
            "ratings_fact: inserted 4, updated 0, deleted 0, quarantined 0",
            "pipeline timings:");
    List<String> stageLines =
        run.out().lines().filter(l -> l.matches("  (silver|ratings|gold) +\\d+ ms")).toList();
    assertThat(stageLines)
        .as("the pipeline's laps, one per stage in order%n%s", run)
        .extracting(l -> l.trim().split(" +")[0])
        .containsExactly("silver", "ratings", "gold");

    List<String> tables = new ArrayList<>(LakeTables.tables(separate));
    assertThat(tables)
        .as("tables written by the pipeline")
        .containsExactlyElementsOf(LakeTables.tables(together))
        .contains(
            "silver/status_fact",
            "silver/ratings_fact",
            "gold/movie_rankings",
            "gold/genre_rankings");
    for (String table :
        List.of("silver/status_fact", "silver/ratings_fact", "gold/movie_rankings")) {
      assertThat(spark.read().format("delta").load(together.resolve(table).toString()).count())
          .as("rows the pipeline wrote to %s", table)
          .isPositive();
    }
    for (String table : tables) {
      assertSameRows(
          table,
          LakeTables.read(spark, separate, table, separate),
          LakeTables.read(spark, together, table, together));
    }
  }

  @Test
  void lakeWithoutTmdbBronzeFailsAtGoldAfterRatingsCommittedAndSaysToRunIngest() throws Exception {
    SparkSession spark = LocalSpark.session();
    Path lake = root.resolve("lake"); // ratings imported before, no TMDB bronze
    RatingsJob.run(
        spark,
        new RatingsJob.Config(
            LakeLayout.of(lake.toString()),
            ratingsFile(
                    "earlier.csv",
                    "user_id,movie_id,rating,rated_at\nu2,603,3.5,2026-11-19T10:00:00Z\n")
                .toString(),
            RatingsFormat.EVENTS,
            null,
            PseudonymKey.ofText(KEY)));
    Cli run = pipelineWithOneRating(lake);

    assertThat(run.exitCode())
        .as("exit code of a missing prerequisite%n%s", run)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code());
    assertThat(run.err().lines().toList())
        .as("one error line naming the stage and the cause%n%s", run)
        .containsExactly(
            "error: gold failed (silver and ratings done): no status_fact at "
                + LakeLayout.of(lake.toString()).tablePath(io.moviestatus.model.Tables.STATUS_FACT)
                + ": silver found no TMDB bronze under "
                + LakeLayout.of(lake.toString()).bronze()
                + "; run ingest first");
    assertThat(run.out().lines())
        .as("silver's and ratings' reports before gold failed%n%s", run)
        .contains("ratings_fact: inserted 1, updated 0, deleted 0, quarantined 0");
    assertThat(
            spark
                .read()
                .format("delta")
                .load(lake.resolve("silver/ratings_fact").toString())
                .count())
        .as("ratings_fact rows committed before gold failed (the earlier import's and this one's)")
        .isEqualTo(2);
    assertThat(lake.resolve("gold")).as("gold wrote nothing").doesNotExist();
  }

  @Test
  void pathWithoutALakeStopsAtSilverWithNothingWritten() throws Exception {
    LocalSpark.session(); // the session the launcher would have created
    Path lake = root.resolve("typo");
    Cli run = pipelineWithOneRating(lake);

    assertThat(run.exitCode())
        .as("exit code of a missing prerequisite%n%s", run)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code());
    assertThat(run.err().lines().toList())
        .as("one error line naming the stage and the cause%n%s", run)
        .containsExactly(
            "error: silver failed (ratings and gold not run): no lake at "
                + lake
                + ": no bronze files and no silver tables");
    assertThat(lake).as("nothing written").doesNotExist();
  }

  @Test
  void badRatingsInputStopsBeforeGoldWithTheRatingsExitCode() throws Exception {
    SparkSession spark = LocalSpark.session(); // the session the launcher would have created
    Path lake = root.resolve("lake"); // a lake silver has nothing new in: one empty silver table
    DeltaTables.ensure(
        spark, LakeLayout.of(lake.toString()), io.moviestatus.model.Tables.STATUS_FACT);
    Path notRatings = ratingsFile("ratings.txt", "user_id movie_id rating\n");

    Cli run =
        pipeline(
            "--lake",
            lake.toString(),
            "--ratings",
            notRatings.toString(),
            "--ratings-format",
            "events");

    assertThat(run.exitCode())
        .as("exit code of a bad ratings input, as ratings' own (5)%n%s", run)
        .isEqualTo(ExitCode.BAD_INPUT.code());
    List<String> errors = run.err().lines().toList();
    assertThat(errors).as("one error line%n%s", run).hasSize(1);
    assertThat(errors.get(0))
        .as("the error line names the stage and the cause")
        .startsWith("error: ratings failed (silver done, gold not run): events file ")
        .endsWith("ratings.txt is neither .csv nor .json/.jsonl/.ndjson");
    assertThat(lake.resolve("silver/ratings_fact")).as("ratings wrote nothing").doesNotExist();
    assertThat(lake.resolve("gold")).as("gold did not run").doesNotExist();
  }

  @Test
  void ratingsUnderAnotherKeyStopBeforeGoldWithAUsageErrorAndLandNothing() throws Exception {
    SparkSession spark = LocalSpark.session(); // the session the launcher would have created
    Path lake = root.resolve("lake"); // silver has nothing new; ratings_fact made with another key
    LakeLayout layout = LakeLayout.of(lake.toString());
    DeltaTables.ensure(spark, layout, io.moviestatus.model.Tables.STATUS_FACT);
    PseudonymKey before = PseudonymKey.ofText("the-key-ratings-fact-was-built-with");
    DeltaTables.setProperties(
        spark,
        layout,
        io.moviestatus.model.Tables.RATINGS_FACT,
        Map.of(io.moviestatus.model.Tables.RATINGS_KEY_FINGERPRINT, before.fingerprint()));

    Cli run = pipelineWithOneRating(lake);

    assertThat(run.exitCode())
        .as("exit code of another key, as ratings' own (2)%n%s", run)
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().lines().toList())
        .as("one error line naming the stage and the cause%n%s", run)
        .containsExactly(
            "error: ratings failed (silver done, gold not run): RATINGS_HMAC_KEY (fingerprint "
                + PseudonymKey.ofText(KEY).fingerprint().substring(0, 12)
                + "…) does not match the key ratings_fact was built with (fingerprint "
                + before.fingerprint().substring(0, 12)
                + "…); to re-pseudonymise every rating under the new key run ratings --rotate-key");
    assertThat(lake.resolve("bronze/ratings")).as("nothing landed").doesNotExist();
    assertThat(lake.resolve("gold")).as("gold did not run").doesNotExist();
  }

  /** Same columns and the same multiset of rows (the tables are a few rows each). */
  private static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(actual.columns()).as("columns of %s", table).containsExactly(expected.columns());
    Map<Row, Integer> expectedRows = new HashMap<>();
    expected.collectAsList().forEach(row -> expectedRows.merge(row, 1, Integer::sum));
    Map<Row, Integer> actualRows = new HashMap<>();
    actual.collectAsList().forEach(row -> actualRows.merge(row, 1, Integer::sum));
    assertThat(actualRows).as("rows of %s (row -> count)", table).isEqualTo(expectedRows);
  }
}
