package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.gold.GoldBuild;
import io.moviestatus.transform.gold.GoldBuildReport;
import io.moviestatus.transform.ratings.RatingsImport;
import io.moviestatus.transform.ratings.RatingsImportReport;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code movie-status pipeline}: one scheduled day's builds in one process, in the order of the
 * Databricks {@code pipeline} job ({@code terraform/jobs.tf}): {@code silver}, then {@code ratings}
 * when {@code --ratings} names an input, then {@code gold}. On Databricks those tasks share one job
 * cluster, so every task after the first finds its driver's JVM warm; this command gives a local
 * scheduler the same: Spark starts once, and the JIT-compiled Spark and Delta code of one stage
 * serves the next, where three separate commands each start cold.
 *
 * <p>Every option is checked before the first stage runs (the rating files themselves are read when
 * their stage runs). A stage that fails stops the pipeline: the stages before it stay committed,
 * those after it do not run, and the one error line names the stage, those done and those not run
 * (exit code as the stage's own command would give). Recommend stays its own command: it runs long
 * enough for the launcher's other JIT settings, and is usually scheduled less often.
 *
 * <pre>{@code
 * bin/movie-status ingest --date 2026-11-25
 * RATINGS_HMAC_KEY=… bin/movie-status pipeline --ratings drop/ --ratings-format events
 * }</pre>
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Run silver, ratings (with --ratings) and gold in one process, as the Databricks pipeline job.",
      "Pseudonymisation key for --ratings: RATINGS_HMAC_KEY in the environment (at least 16 bytes)."
    })
final class PipelineCommand implements Callable<Integer> {

  /** The stages' configurations; {@code ratings} is null when the run imports no ratings. */
  record Config(SilverJob.Config silver, RatingsJob.Config ratings, GoldJob.Config gold) {
    Config {
      requireNonNull(silver, "silver is null");
      requireNonNull(gold, "gold is null");
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();
  @Mixin TimingsOption timings = new TimingsOption();
  @Mixin RatingsOptions.InPipeline ratings = new RatingsOptions.InPipeline();
  @Mixin GoldOptions gold = new GoldOptions();

  /** Environment the ratings key is read from; a test may replace it. */
  Map<String, String> environment = System.getenv();

  Config config() {
    return Jobs.validated(
        spec,
        () -> {
          LakeLayout layout = lake.layout();
          return new Config(
              new SilverJob.Config(layout, null, null),
              ratings.config(layout, environment),
              gold.config(layout, null));
        });
  }

  @Override
  public Integer call() {
    Config config = config();
    SparkSession spark = Jobs.spark();
    // Every stage is configured (and so every option checked) before the first one runs.
    SilverBuild silver = Jobs.validated(spec, () -> SilverOptions.build(spark, config.silver()));
    RatingsImport ratingsImport =
        config.ratings() == null
            ? null
            : Jobs.validated(spec, () -> ratings.ratingsImport(spark, config.ratings()));
    GoldBuild goldBuild = Jobs.validated(spec, () -> GoldOptions.build(spark, config.gold()));
    var startup = timings.startup();

    List<String> order =
        ratingsImport == null ? List.of("silver", "gold") : List.of("silver", "ratings", "gold");
    StageTimings stages = new StageTimings("pipeline");
    SilverBuildReport silverReport =
        stage(order, "silver", () -> SilverOptions.run(spark, config.silver().lake(), silver));
    System.out.println(silverReport);
    stages.mark("silver");
    timings.print("silver", startup, silverReport.timings());
    if (ratingsImport != null) {
      RatingsImportReport ratingsReport = stage(order, "ratings", ratingsImport::run);
      System.out.println(ratingsReport);
      stages.mark("ratings");
      timings.print("ratings", List.of(), ratingsReport.timings());
    }
    GoldBuildReport goldReport =
        stage(order, "gold", () -> goldAfterSilver(config.gold().lake(), goldBuild));
    System.out.println(goldReport);
    stages.mark("gold");
    timings.print("gold", List.of(), goldReport.timings());

    timings.print("pipeline", startup, stages.stages());
    catalog.register(config.silver().lake());
    return 0;
  }

  /**
   * Runs gold. When it misses {@code status_fact} although silver just ran, the lake has no TMDB
   * bronze yet: the error says to run ingest, where gold alone says to run silver.
   */
  private static GoldBuildReport goldAfterSilver(LakeLayout lake, GoldBuild gold) {
    try {
      return gold.run();
    } catch (MissingPrerequisiteException e) {
      throw new MissingPrerequisiteException(
          "no status_fact at "
              + lake.tablePath(Tables.STATUS_FACT)
              + ": silver found no TMDB bronze under "
              + lake.bronze()
              + "; run ingest first",
          e);
    }
  }

  /**
   * Runs the stage {@code name} of {@code order}; a failure is rethrown naming the stage and those
   * done before it and not run after it, its cause kept (the exit code follows the cause, as for
   * the stage's own command).
   */
  private static <T> T stage(List<String> order, String name, Supplier<T> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      int at = order.indexOf(name);
      throw new PipelineStageException(
          name, order.subList(0, at), order.subList(at + 1, order.size()), e);
    }
  }

  /**
   * A stage of the pipeline failed; the message names it, the stages done before it (their commits
   * stand) and those not run after it, then the cause's one-line message, e.g. {@code ratings
   * failed (silver done, gold not run): events file … is neither .csv nor .json/.jsonl/.ndjson}.
   */
  static final class PipelineStageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PipelineStageException(String stage, List<String> done, List<String> notRun, Throwable cause) {
      super(stage + " failed (" + progress(done, notRun) + "): " + Jobs.oneLine(cause), cause);
    }

    private static String progress(List<String> done, List<String> notRun) {
      List<String> parts = new java.util.ArrayList<>();
      if (!done.isEmpty()) {
        parts.add(String.join(" and ", done) + " done");
      }
      if (!notRun.isEmpty()) {
        parts.add(String.join(" and ", notRun) + " not run");
      }
      return String.join(", ", parts);
    }
  }
}
