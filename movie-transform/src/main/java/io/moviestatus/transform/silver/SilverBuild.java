package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.ProcessedFiles;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.internal.LargeBatch;
import io.moviestatus.model.LakeLayout;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the silver star schema from bronze TMDB snapshots: {@code status_fact}, {@code
 * movies_dim}, {@code genres_dim}, {@code movies_genres}, {@code dates_dim}.
 *
 * <p>Incremental by default: only bronze files absent from the processed-files log (or changed
 * since, by size or time) are built. With {@link Builder#range} the files of those snapshot dates
 * are rebuilt whatever the log says (backfill). Every table write is one idempotent Delta commit
 * and the log is written last, so a build that fails part-way leaves valid tables and the next
 * build redoes the remaining work.
 *
 * <p>Three steps: the plan ({@link SilverPlan}: which bronze files, which days), the pure builders
 * and one commit per table ({@link SilverWrites}), then the processed-files log ({@link
 * ProcessedFiles}).
 *
 * <pre>{@code
 * SilverBuildReport report = SilverBuild.builder(spark, LakeLayout.of("/data/lake")).build().run();
 * System.out.println(report); // one line per table: inserted / updated / deleted / quarantined
 * }</pre>
 */
public final class SilverBuild {

  private static final Logger LOG = LoggerFactory.getLogger(SilverBuild.class);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final Optional<SilverPlan.Range> range;
  private final Clock clock;
  private final SilverHooks hooks;

  private SilverBuild(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.range = builder.range;
    this.clock = builder.clock;
    this.hooks = builder.hooks;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /** Runs the build; returns what it changed. */
  public SilverBuildReport run() {
    StageTimings timings = new StageTimings("silver");
    ProcessedFiles log =
        range.isPresent()
            ? ProcessedFiles.unread(spark, lake)
            : ProcessedFiles.read(spark, lake, SilverPlan.SOURCES);
    timings.mark("state read");
    SilverPlan plan =
        SilverPlan.select(spark.sparkContext().hadoopConfiguration(), lake, range, log, clock);
    timings.mark("listing");
    if (plan.isEmpty()) {
      LOG.info("silver: nothing to build");
      return SilverBuildReport.nothingToDo(timings.stages());
    }
    LOG.info(
        "silver: building {} discover, {} export and {} genre file(s)",
        plan.discover().size(),
        plan.exports().size(),
        plan.genres().size());
    List<TableChange> changes;
    try (CachedFrames cache = new CachedFrames()) {
      SilverWrites writes =
          new SilverWrites(spark, new SilverWriter(spark, lake), plan, hooks, cache, timings);
      // Whole-catalogue days (an export of a million lines each) make a large batch: every write
      // of the batch, the side lane's included, runs with the large-batch settings. A small export
      // (a partial catalogue, a test's) builds as fast as a short run.
      changes =
          plan.exportBytes() < hooks.largeExportBytes()
              ? writes.write()
              : LargeBatch.run(spark, writes::write);
      plan.log().markBuilt(plan.files().stream().map(BronzeFile::entry).toList(), plan.now());
      timings.mark("commit processed_files");
    }
    SilverBuildReport report =
        new SilverBuildReport(plan.files().size(), changes, timings.stages());
    LOG.info("{}", report);
    return report;
  }

  /** Configures a {@link SilverBuild}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private Optional<SilverPlan.Range> range = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private SilverHooks hooks = SilverHooks.DEFAULT;

    private Builder(SparkSession spark, LakeLayout lake) {
      this.spark = requireNonNull(spark, "spark is null");
      this.lake = requireNonNull(lake, "lake is null");
    }

    /**
     * Rebuilds the snapshots dated {@code from} to {@code to} inclusive, built before or not. The
     * messages name the job's options {@code --from}/{@code --to}, as this is where they are
     * validated.
     *
     * @throws IllegalArgumentException when only one end is given or {@code from} is after {@code
     *     to}
     */
    public Builder range(LocalDate from, LocalDate to) {
      if (from == null || to == null) {
        throw new IllegalArgumentException("--from and --to go together");
      }
      if (from.isAfter(to)) {
        throw new IllegalArgumentException(String.format("--from %s is after --to %s", from, to));
      }
      this.range = Optional.of(new SilverPlan.Range(from, to));
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /** Test hook: {@link SilverHooks#afterTableWrite}. */
    Builder afterTableWrite(Consumer<String> hook) {
      this.hooks = hooks.withAfterTableWrite(hook);
      return this;
    }

    /** Test hook: {@link SilverHooks#statusRowsPerFile}. */
    Builder statusRowsPerFile(long rows) {
      this.hooks = hooks.withStatusRowsPerFile(rows);
      return this;
    }

    /** Test hook: {@link SilverHooks#largeExportBytes}. */
    Builder largeExportBytes(long bytes) {
      this.hooks = hooks.withLargeExportBytes(bytes);
      return this;
    }

    public SilverBuild build() {
      return new SilverBuild(this);
    }
  }
}
