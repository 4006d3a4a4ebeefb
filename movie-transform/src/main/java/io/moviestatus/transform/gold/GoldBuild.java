package io.moviestatus.transform.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.Prerequisites;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.internal.LargeBatch;
import io.moviestatus.lake.internal.SideLane;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the gold ranking tables from silver: {@code movie_rankings} and {@code genre_rankings}.
 *
 * <p><b>Weighted rating</b> (IMDb's Bayesian average), per date D and movie:
 *
 * <pre>
 *   WR = v/(v+m)·R + m/(v+m)·C
 *   v  = TMDB vote_count + number of users' ratings dated up to D
 *   R  = (vote_count·vote_average + Σ 2·rating) / v     (users' 0.5–5 stars ×2 → TMDB's 0–10)
 *   C  = mean of R over the movies of D's snapshot that have votes
 *   m  = minimum votes, {@link Builder#minimumVotes} (default {@value #DEFAULT_MINIMUM_VOTES})
 * </pre>
 *
 * A movie with few votes is pulled towards the day's mean C; with many, WR approaches its own mean
 * R. Also per date: weighted_rank, popularity_rank and the 7-day trend (change of popularity and of
 * popularity rank against the movie's status 7 days earlier). See docs/rankings.md.
 *
 * <p>Dates: by default every {@code status_fact} date not yet in {@code movie_rankings}; with
 * {@link Builder#date} that date, rebuilt whatever exists. Each table is written with one
 * replaceWhere commit over the built dates, so a rebuild replaces and never duplicates.
 *
 * <pre>{@code
 * GoldBuildReport report = GoldBuild.builder(spark, LakeLayout.of("/data/lake")).build().run();
 * GoldBuild.builder(spark, lake).date(LocalDate.parse("2026-11-25")).minimumVotes(1000).build().run();
 * }</pre>
 */
public final class GoldBuild {

  private static final Logger LOG = LoggerFactory.getLogger(GoldBuild.class);

  /** The session parallelism from which a large batch's ranks are spread (see rankPartitions). */
  static final int SPREAD_FROM_PARALLELISM = 8;

  /**
   * Range partitions per rank of a batch; 1 is one window per date (per date and genre). A batch of
   * at least {@link LargeBatch#ROWS} input rows (a day of the whole catalogue) over fewer dates
   * than partitions, on a session of at least {@link #SPREAD_FROM_PARALLELISM} (a cluster's cores),
   * is range-partitioned over two partitions per unit of parallelism ({@link SpreadRank}): the
   * window sorts a date, or a large genre, in one task while the other cores wait. On 2 cores the
   * spread measured no faster (docs/benchmarks.md): the window's dates and genres already keep both
   * busy. A small batch saves a job, and a batch of many dates already gives every core a date to
   * sort.
   */
  static int rankPartitions(int parallelism, long rows, int dates) {
    int partitions = 2 * parallelism;
    boolean spread =
        parallelism >= SPREAD_FROM_PARALLELISM && rows >= LargeBatch.ROWS && dates < partitions;
    return spread ? Math.min(partitions, SpreadRank.MAX_BUCKETS) : 1;
  }

  /** Default m of the weighted rating. */
  public static final double DEFAULT_MINIMUM_VOTES = 500;

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LocalDate date;
  private final double minimumVotes;

  private GoldBuild(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.date = builder.date;
    this.minimumVotes = builder.minimumVotes;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /** Builds the selected dates; returns what changed. */
  public GoldBuildReport run() {
    StageTimings timings = new StageTimings("gold");
    Prerequisites.requireTable(spark, lake, Tables.STATUS_FACT, "run silver first");
    LakeWriter writer = new LakeWriter(spark, lake);
    Dataset<Row> status = writer.read(Tables.STATUS_FACT);
    Selection selection = select(writer, status);
    List<LocalDate> dates = selection.dates();
    timings.mark("state read (dates to build)");
    if (dates.isEmpty()) {
      LOG.info("gold: nothing to build");
      return new GoldBuildReport(List.of(), List.of(), timings.stages());
    }
    LOG.info("gold: ranking {} date(s) with m = {}", dates.size(), minimumVotes);
    Collection<LocalDate> inputDates = MovieRankingsBuilder.inputDates(dates);
    Dataset<Row> input = onDates(status, inputDates); // pruned to those days
    // A day of the whole catalogue (the daily export) is a million rows: large-batch settings.
    // The rows come from the selection (Delta's file statistics, or its scan): no count.
    long rows = selection.rows(inputDates);
    timings.mark("input rows");
    GoldBuildReport report;
    // The spread holds the ranks' sorted partitions until the tables are written.
    int partitions =
        rankPartitions(spark.sparkContext().defaultParallelism(), rows, inputDates.size());
    try (SpreadRank.Spread spread = SpreadRank.Spread.of(partitions)) {
      report =
          rows >= LargeBatch.ROWS
              ? LargeBatch.run(spark, () -> build(writer, input, dates, spread, timings))
              : build(writer, input, dates, spread, timings);
    }
    LOG.info("{}", report);
    return report;
  }

  private GoldBuildReport build(
      LakeWriter writer,
      Dataset<Row> input,
      List<LocalDate> dates,
      SpreadRank.Spread spread,
      StageTimings timings) {
    Dataset<Row> rankings =
        MovieRankingsBuilder.build(
                input, writer.read(Tables.RATINGS_FACT), dates, minimumVotes, spread)
            .persist(StorageLevel.MEMORY_AND_DISK());
    // The two tables are written at once (see SideLane): genre_rankings on the side lane.
    try (SideLane lane = SideLane.start("gold")) {
      SideLane.Task<TableChange> genres =
          lane.submit(
              "write genre_rankings",
              () ->
                  writer.replaceDates(
                      Tables.GENRE_RANKINGS,
                      GenreRankingsBuilder.build(
                          rankings, writer.read(Tables.MOVIES_GENRES), spread),
                      dates));
      List<TableChange> changes = new ArrayList<>();
      changes.add(writer.replaceDates(Tables.MOVIE_RANKINGS, rankings, dates));
      timings.mark("write movie_rankings");
      changes.add(genres.join(timings));
      return new GoldBuildReport(dates, changes, timings.stages());
    } finally {
      rankings.unpersist(); // after the lane closed: no write still reads it
    }
  }

  /**
   * The dates to rank, and the rows of status_fact per date from the statistics or the scan that
   * found them.
   */
  private record Selection(List<LocalDate> dates, Map<LocalDate, Long> rowsByDate) {

    /** Rows of status_fact on {@code inputDates}. */
    long rows(Collection<LocalDate> inputDates) {
      return inputDates.stream().mapToLong(day -> rowsByDate.getOrDefault(day, 0L)).sum();
    }
  }

  /**
   * The dates and their rows from Delta's file statistics (no scan); a table whose files cannot
   * answer (a file of several dates, no statistics) is counted instead.
   */
  private Selection select(LakeWriter writer, Dataset<Row> status) {
    DateFileStats statusFiles = DateFileStats.of(spark, lake.tablePath(Tables.STATUS_FACT));
    if (date != null) {
      Collection<LocalDate> input = MovieRankingsBuilder.inputDates(List.of(date));
      Map<LocalDate, Long> rowsByDate =
          statusFiles.rowsOn(input).orElseGet(() -> rowsByDate(onDates(status, input)));
      if (!rowsByDate.containsKey(date)) {
        throw new IllegalArgumentException("status_fact has no rows for " + date);
      }
      return new Selection(List.of(date), rowsByDate);
    }
    // Where the statistics cannot answer, the two scans run at once (see SideLane).
    try (SideLane lane = SideLane.start("gold")) {
      SideLane.Task<Set<LocalDate>> ranked =
          lane.submit("read ranked dates", () -> rankedDates(writer));
      Map<LocalDate, Long> rowsByDate =
          statusFiles.rowsByDate().orElseGet(() -> rowsByDate(status));
      Set<LocalDate> all = new TreeSet<>(rowsByDate.keySet());
      all.removeAll(ranked.value());
      return new Selection(List.copyOf(all), rowsByDate);
    }
  }

  /** The dates movie_rankings holds: from its file statistics, else a scan. */
  private Set<LocalDate> rankedDates(LakeWriter writer) {
    if (!DeltaTables.exists(spark, lake, Tables.MOVIE_RANKINGS)) {
      return Set.of();
    }
    return DateFileStats.of(spark, lake.tablePath(Tables.MOVIE_RANKINGS))
        .rowsByDate()
        .<Set<LocalDate>>map(rows -> new TreeSet<>(rows.keySet()))
        .orElseGet(() -> dates(writer.read(Tables.MOVIE_RANKINGS)));
  }

  private static Dataset<Row> onDates(Dataset<Row> status, Collection<LocalDate> days) {
    return status.filter(col("date_id").isin(days.stream().map(Date::valueOf).toArray()));
  }

  private static Set<LocalDate> dates(Dataset<Row> table) {
    return table.select("date_id").distinct().as(Encoders.DATE()).collectAsList().stream()
        .map(Date::toLocalDate)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Rows per date_id, in one scan. */
  private static Map<LocalDate, Long> rowsByDate(Dataset<Row> table) {
    Map<LocalDate, Long> rows = new TreeMap<>();
    for (Row row : table.groupBy("date_id").count().collectAsList()) {
      rows.put(row.getDate(0).toLocalDate(), row.getLong(1));
    }
    return rows;
  }

  /** Configures a {@link GoldBuild}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private LocalDate date;
    private double minimumVotes = DEFAULT_MINIMUM_VOTES;

    private Builder(SparkSession spark, LakeLayout lake) {
      this.spark = requireNonNull(spark, "spark is null");
      this.lake = requireNonNull(lake, "lake is null");
    }

    /** Builds only this date (it must be in status_fact), replacing its rows if built before. */
    public Builder date(LocalDate date) {
      this.date = requireNonNull(date, "date is null");
      return this;
    }

    /**
     * m of the weighted rating: votes a movie needs before its own mean outweighs the day's.
     *
     * @throws IllegalArgumentException when m is negative or not finite (the message names the
     *     job's option)
     */
    public Builder minimumVotes(double m) {
      if (!(m >= 0) || Double.isInfinite(m)) {
        throw new IllegalArgumentException(
            "--minimum-votes must be a finite number >= 0, was " + m);
      }
      this.minimumVotes = m;
      return this;
    }

    public GoldBuild build() {
      return new GoldBuild(this);
    }
  }
}
