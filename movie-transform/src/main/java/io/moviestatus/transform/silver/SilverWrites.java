package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.internal.SideLane;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables of one {@link SilverPlan}: its files parsed ({@link StatusInputs}), the rows of each
 * table made by the pure builders, and each table written in one Delta commit. Independent writes
 * run two at a time: the status tables on the build's thread, dates_dim, genres_dim and the
 * quarantine on a side lane ({@link SideWrites}). The order within each thread is as in a
 * sequential build; the dimensions follow only complete day tables.
 */
final class SilverWrites {

  private final SparkSession spark;
  private final SilverPlan plan;
  private final SilverHooks hooks;
  private final CachedFrames cache;
  private final StageTimings timings;
  private final SilverWriter writer;

  SilverWrites(
      SparkSession spark,
      SilverWriter writer,
      SilverPlan plan,
      SilverHooks hooks,
      CachedFrames cache,
      StageTimings timings) {
    this.spark = requireNonNull(spark, "spark is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.plan = requireNonNull(plan, "plan is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.timings = requireNonNull(timings, "timings is null");
  }

  /**
   * Writes every table of the plan; returns their changes: status_fact, dates_dim, movies_dim and
   * movies_genres when the plan has status days, then genres_dim when it has genre lists.
   */
  List<TableChange> write() {
    List<TableChange> changes = new ArrayList<>();
    try (SideLane lane = SideLane.start("silver")) {
      SideWrites side = new SideWrites(spark, lane, plan, writer, cache, hooks.afterTableWrite());
      SideWrites.Rest rest =
          plan.days().isEmpty() ? side.queueRest(Optional.empty()) : writeStatus(side, changes);
      rest.join(timings).ifPresent(changes::add);
    }
    return changes;
  }

  /**
   * Writes status_fact, dates_dim (queued on the side lane with the rest of {@code side}, given the
   * rejected records), movies_dim and movies_genres for the plan's days; returns the rest.
   */
  private SideWrites.Rest writeStatus(SideWrites side, List<TableChange> changes) {
    StatusInputs inputs =
        StatusInputs.parse(spark, plan, hooks.statusRowsPerFile(), cache, timings);
    long quarantined = inputs.quarantined();
    SideLane.Task<TableChange> dates = side.queueDates(inputs.datesFrom(), quarantined);
    SideWrites.Rest rest = side.queueRest(inputs.rejected());
    changes.add(
        writer.replaceStatusDays(
            inputs.facts(),
            plan.days(),
            inputs.rowsPerFile(hooks.statusRowsPerFile()),
            quarantined));
    wrote(Tables.STATUS_FACT);
    changes.add(dates.join(timings)); // the dimensions follow only complete day tables

    Optional<Dataset<Row>> discoverLatest = inputs.snapshots().map(MovieSnapshots::latest);
    Optional<Dataset<Row>> latest = discoverLatest.map(movies -> cache.persist(newestOnly(movies)));
    Optional<Dataset<Row>> exportLatest =
        inputs
            .dayStatus()
            .map(
                status ->
                    newestOnly(ExportMovies.latest(status, discoverLatest, plan.singleDay())));
    changes.add(
        writer.upsertMovies(latest.map(MoviesDimBuilder::build), exportLatest, quarantined));
    wrote(Tables.MOVIES_DIM);
    if (latest.isPresent()) {
      changes.add(
          writer.replaceMovieGenres(
              MoviesGenresBuilder.build(latest.get()), latest.get(), quarantined));
      wrote(Tables.MOVIES_GENRES);
    }
    return rest;
  }

  /** The movies whose attributes no day of status_fact after the batch's first has set. */
  private Dataset<Row> newestOnly(Dataset<Row> latestMovies) {
    return writer.newestOnly(latestMovies, plan.firstDay(), plan.laterDaysKnown());
  }

  private void wrote(TableContract table) {
    hooks.afterTableWrite().accept(table.name());
    timings.mark("write " + table.name());
  }
}
