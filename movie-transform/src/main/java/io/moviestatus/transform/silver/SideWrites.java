package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.internal.SideLane;
import io.moviestatus.model.Tables;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The writes of one silver build on its side lane (see {@link SideLane}), beside the status tables
 * on the build's own thread, in the order queued: dates_dim ({@link #queueDates}), then genres_dim
 * and the quarantine ({@link #queueRest}).
 */
final class SideWrites {

  /** The genres_dim change of a build and the genre-list records it rejected. */
  record GenreWrite(TableChange change, Dataset<Row> rejected) {}

  /** The queued genres_dim write (when the batch has genre lists) and quarantine write. */
  record Rest(Optional<SideLane.Task<GenreWrite>> genres, SideLane.Task<Void> quarantine) {

    /** Waits for both writes; returns the genres_dim change when the batch had one. */
    Optional<TableChange> join(StageTimings timings) {
      Optional<TableChange> change = genres.map(task -> task.join(timings).change());
      quarantine.join(timings);
      return change;
    }
  }

  private final SparkSession spark;
  private final SideLane lane;
  private final SilverPlan plan;
  private final SilverWriter writer;
  private final CachedFrames cache;
  private final Consumer<String> afterTableWrite;

  SideWrites(
      SparkSession spark,
      SideLane lane,
      SilverPlan plan,
      SilverWriter writer,
      CachedFrames cache,
      Consumer<String> afterTableWrite) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lane = requireNonNull(lane, "lane is null");
    this.plan = requireNonNull(plan, "plan is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.afterTableWrite = requireNonNull(afterTableWrite, "afterTableWrite is null");
  }

  /**
   * Queues dates_dim: the dates of {@code snapshots}, or the plan's days themselves when there are
   * none (an export batch, whose dates come from the driver).
   */
  SideLane.Task<TableChange> queueDates(Optional<Dataset<Row>> snapshots, long quarantined) {
    return lane.submit(
        "write dates_dim",
        () -> {
          Dataset<Row> dates =
              snapshots
                  .map(DatesDimBuilder::build)
                  .orElseGet(() -> DatesDimBuilder.of(spark, plan.days()));
          TableChange change = writer.insertDates(dates, quarantined);
          afterTableWrite.accept(Tables.DATES_DIM.name());
          return change;
        });
  }

  /**
   * Queues genres_dim (when the batch has genre lists) and the quarantine of the build's files:
   * {@code statusRejects} with the genre lists' rejects.
   */
  Rest queueRest(Optional<Dataset<Row>> statusRejects) {
    Optional<SideLane.Task<GenreWrite>> genres =
        plan.genres().isEmpty()
            ? Optional.empty()
            : Optional.of(lane.submit("parse + write genres_dim", this::writeGenres));
    SideLane.Task<Void> quarantine =
        lane.submit(
            "write quarantine",
            () -> {
              Optional<Dataset<Row>> genreRejects = genres.map(task -> task.value().rejected());
              Dataset<Row> rejected =
                  Stream.of(statusRejects, genreRejects)
                      .flatMap(Optional::stream)
                      .reduce(Dataset::unionByName)
                      .orElseThrow(() -> new IllegalStateException("a build without files"));
              writer.replaceQuarantine(rejected, plan.paths());
              afterTableWrite.accept(Tables.QUARANTINE.name());
              return null;
            });
    return new Rest(genres, quarantine);
  }

  private GenreWrite writeGenres() {
    Dataset<Row> records =
        cache.persist(BronzeParser.genreRecords(BronzeLines.of(spark, plan.genres())));
    Dataset<Row> rejected = QuarantineBuilder.build(records, plan.now());
    long quarantined = rejected.count();
    TableChange change = writer.upsertGenres(GenresDimBuilder.build(records), quarantined);
    afterTableWrite.accept(Tables.GENRES_DIM.name());
    return new GenreWrite(change, rejected);
  }
}
