package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.moviestatus.lake.LakeFiles;
import io.moviestatus.lake.LakeState;
import io.moviestatus.lake.LargeBatch;
import io.moviestatus.lake.SideLane;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
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
 * <pre>{@code
 * SilverBuildReport report = SilverBuild.builder(spark, LakeLayout.of("/data/lake")).build().run();
 * System.out.println(report); // one line per table: inserted / updated / deleted / quarantined
 * }</pre>
 */
public final class SilverBuild {

  private static final Logger LOG = LoggerFactory.getLogger(SilverBuild.class);

  /**
   * The most rows per {@code status_fact} file of a day built from a daily export: a day of 1.1
   * million movies is cut into 11 movie_id ranges, written as 16 or 17 files of about 0.6 MB at
   * most (the range bounds are sampled, so a range a little over the cap makes a full file and a
   * small one). One movie's history reads one file per day (see docs/scale.md).
   */
  static final long STATUS_ROWS_PER_FILE = 100_000;

  /**
   * Export batches of at least this many gzip bytes (about 350,000 lines; a whole day is about 13
   * MB) are parsed on every core; smaller ones parse faster than a shuffle would spread them.
   */
  private static final long SPREAD_BYTES = 4L << 20;

  /**
   * Export batches of at least this many gzip bytes (about {@link LargeBatch#ROWS} lines; a whole
   * day is about 13 MB for 1.1 million lines) run with {@link LargeBatch}'s settings.
   */
  private static final long LARGE_EXPORT_BYTES = 2_500_000;

  /** The most movie_id ranges (shuffle partitions) a batch of export days is cut into. */
  private static final long MAX_RANGES = 20_000;

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LocalDate from;
  private final LocalDate to;
  private final Clock clock;
  private final Consumer<String> afterTableWrite;
  private final long statusRowsPerFile;
  private final long largeExportBytes;

  private SilverBuild(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.from = builder.from;
    this.to = builder.to;
    this.clock = builder.clock;
    this.afterTableWrite = builder.afterTableWrite;
    this.statusRowsPerFile = builder.statusRowsPerFile;
    this.largeExportBytes = builder.largeExportBytes;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /** Runs the build; returns what it changed. */
  public SilverBuildReport run() {
    StageTimings timings = new StageTimings("silver");
    Set<String> built =
        from != null
            ? Set.of()
            : LakeState.builtFiles(
                spark,
                lake,
                List.of(
                    Source.DISCOVER_MOVIE.folder(),
                    Source.GENRE_MOVIE_LIST.folder(),
                    BronzeContract.MOVIE_IDS_EXPORT_FOLDER));
    timings.mark("state read");
    List<BronzeFile> listedDiscover = list(Source.DISCOVER_MOVIE);
    List<BronzeFile> listedExports =
        BronzeFiles.listExports(spark.sparkContext().hadoopConfiguration(), lake);
    List<BronzeFile> genres = select(list(Source.GENRE_MOVIE_LIST), built);
    // A day's status is built from all its files: a new file of one source brings in the other's.
    Set<LocalDate> days = new TreeSet<>();
    Stream.concat(select(listedDiscover, built).stream(), select(listedExports, built).stream())
        .forEach(file -> days.add(file.snapshotDate()));
    List<BronzeFile> discover = onDays(listedDiscover, days);
    List<BronzeFile> exports = onDays(listedExports, days);
    timings.mark("listing");
    if (days.isEmpty() && genres.isEmpty()) {
      LOG.info("silver: nothing to build");
      return SilverBuildReport.nothingToDo(timings.stages());
    }
    LOG.info(
        "silver: building {} discover, {} export and {} genre file(s)",
        discover.size(),
        exports.size(),
        genres.size());
    Instant now = clock.instant();
    SilverWriter writer = new SilverWriter(spark, lake);
    List<TableChange> changes = new ArrayList<>();
    List<Dataset<Row>> cached = Collections.synchronizedList(new ArrayList<>());
    List<BronzeFile> all = Stream.of(discover, exports, genres).flatMap(List::stream).toList();
    List<String> paths = all.stream().map(BronzeFile::path).toList();
    try {
      // Independent writes run two at a time: the status tables on this thread, dates_dim,
      // genres_dim and the quarantine on a side lane (see SideLane). The order within each
      // thread, and the processed-files log last, are as in a sequential build.
      try (SideLane lane = SideLane.start("silver")) {
        SideWrites side = new SideWrites(lane, genres, paths, now, writer, cached);
        Runnable build =
            () -> {
              if (days.isEmpty()) {
                side.queueRest(null);
              } else {
                buildStatus(
                    days,
                    discover,
                    exports,
                    listedDiscover,
                    listedExports,
                    built,
                    now,
                    writer,
                    changes,
                    cached,
                    timings,
                    side);
              }
              side.join(timings).ifPresent(changes::add);
            };
        // Whole-catalogue days (an export of a million lines each) make a large batch: every
        // write of the batch, the side lane's included, runs with the large-batch settings. A
        // small export (a partial catalogue, a test's) builds as fast as a short run.
        if (bytes(exports) < largeExportBytes) {
          build.run();
        } else {
          LargeBatch.run(
              spark,
              () -> {
                build.run();
                return null;
              });
        }
      }
      writer.markProcessed(processedRows(all, now));
      timings.mark("commit processed_files");
    } finally {
      cached.forEach(Dataset::unpersist);
    }
    SilverBuildReport report = new SilverBuildReport(all.size(), changes, timings.stages());
    LOG.info("{}", report);
    return report;
  }

  /** The genres_dim change of a build and the genre-list records it rejected. */
  private record GenreWrite(TableChange change, Dataset<Row> rejected) {}

  /**
   * The writes of one build on its side lane, in the order queued: dates_dim ({@link #queueDates}),
   * then genres_dim and the quarantine ({@link #queueRest}).
   */
  private final class SideWrites {
    private final SideLane lane;
    private final List<BronzeFile> genres;
    private final List<String> paths;
    private final Instant now;
    private final SilverWriter writer;
    private final List<Dataset<Row>> cached;
    private SideLane.Task<GenreWrite> genreWrite;
    private SideLane.Task<Void> quarantine;

    SideWrites(
        SideLane lane,
        List<BronzeFile> genres,
        List<String> paths,
        Instant now,
        SilverWriter writer,
        List<Dataset<Row>> cached) {
      this.lane = lane;
      this.genres = genres;
      this.paths = paths;
      this.now = now;
      this.writer = writer;
      this.cached = cached;
    }

    /**
     * Queues dates_dim: the dates of {@code snapshots}, or the {@code days} themselves when {@code
     * snapshots} is null (an export batch, whose dates come from the driver).
     */
    SideLane.Task<TableChange> queueDates(
        Dataset<Row> snapshots, Set<LocalDate> days, long quarantined) {
      return lane.submit(
          "write dates_dim",
          () -> {
            TableChange change =
                writer.insertDates(
                    snapshots == null
                        ? DatesDimBuilder.of(spark, days)
                        : DatesDimBuilder.build(snapshots),
                    quarantined);
            afterTableWrite.accept(Tables.DATES_DIM.name());
            return change;
          });
    }

    /**
     * Queues genres_dim (when the batch has genre files) and the quarantine of {@code
     * statusRejects} (null: none) with the genre list's rejects.
     */
    void queueRest(Dataset<Row> statusRejects) {
      SideLane.Task<GenreWrite> genreTask =
          genres.isEmpty() ? null : lane.submit("parse + write genres_dim", this::writeGenres);
      genreWrite = genreTask;
      quarantine =
          lane.submit(
              "write quarantine",
              () -> {
                Dataset<Row> genreRejects = genreTask == null ? null : genreTask.value().rejected();
                writer.replaceQuarantine(union(statusRejects, genreRejects), paths);
                afterTableWrite.accept(Tables.QUARANTINE.name());
                return null;
              });
    }

    /** Waits for the queued writes; returns the genres_dim change when the batch had one. */
    Optional<TableChange> join(StageTimings timings) {
      Optional<TableChange> change =
          genreWrite == null ? Optional.empty() : Optional.of(genreWrite.join(timings).change());
      quarantine.join(timings);
      return change;
    }

    private GenreWrite writeGenres() {
      Dataset<Row> records = persist(BronzeParser.genreRecords(lines(genres)), cached);
      Dataset<Row> rejected = QuarantineBuilder.build(records, now);
      long quarantined = rejected.count();
      TableChange change = writer.upsertGenres(GenresDimBuilder.build(records), quarantined);
      afterTableWrite.accept(Tables.GENRES_DIM.name());
      return new GenreWrite(change, rejected);
    }
  }

  /** Both sets of rejected records, either of which may be null (none: an empty set). */
  private static Dataset<Row> union(Dataset<Row> first, Dataset<Row> second) {
    if (first == null || second == null) {
      return first == null ? second : first;
    }
    return first.unionByName(second);
  }

  /**
   * Builds {@code status_fact}, {@code dates_dim}, {@code movies_dim} and {@code movies_genres} for
   * the days, from their discover and export files; dates_dim and then the rest of {@code side}
   * (given the rejected records) are queued on the side lane.
   */
  private void buildStatus(
      Set<LocalDate> days,
      List<BronzeFile> discover,
      List<BronzeFile> exports,
      List<BronzeFile> listedDiscover,
      List<BronzeFile> listedExports,
      Set<String> built,
      Instant now,
      SilverWriter writer,
      List<TableChange> changes,
      List<Dataset<Row>> cached,
      StageTimings timings,
      SideWrites side) {
    Dataset<Row> rejected = null;
    long quarantined = 0;
    Dataset<Row> snapshots = null;
    if (!discover.isEmpty()) {
      Dataset<Row> records = persist(BronzeParser.discoverRecords(lines(discover)), cached);
      snapshots = persist(MovieSnapshots.from(records), cached);
      rejected = QuarantineBuilder.build(records, now);
      quarantined = rejected.count();
      timings.mark("parse discover");
    }
    Dataset<Row> dayStatus = null;
    if (!exports.isEmpty()) {
      Dataset<Row> records = persist(ExportParser.records(exportLines(exports)), cached);
      Column isValid = col(BronzeParser.REASON).isNull();
      Row counts = records.agg(count(when(isValid, 1)), count(when(not(isValid), 1))).head();
      quarantined += counts.getLong(1);
      Dataset<Row> exportRejects = QuarantineBuilder.build(records, now);
      rejected = rejected == null ? exportRejects : rejected.unionByName(exportRejects);
      // One movie_id range per file to be written: the ranges sort and write in parallel.
      long ranges = Math.max(parallelism(), ceilDiv(counts.getLong(0), statusRowsPerFile));
      dayStatus =
          persist(DayStatus.build(snapshots, records, (int) Math.min(ranges, MAX_RANGES)), cached);
      timings.mark("parse export");
    }

    SideLane.Task<TableChange> dates =
        side.queueDates(dayStatus != null ? null : snapshots, days, quarantined);
    side.queueRest(rejected);
    if (dayStatus != null) { // laid out by DayStatus: files of at most statusRowsPerFile rows
      changes.add(
          writer.replaceStatusDays(
              StatusFactBuilder.build(dayStatus), days, statusRowsPerFile, quarantined));
    } else { // a few thousand rows a day: one file
      changes.add(
          writer.replaceStatusDays(
              StatusFactBuilder.build(snapshots).coalesce(1), days, 0, quarantined));
    }
    afterTableWrite.accept(Tables.STATUS_FACT.name());
    timings.mark("write status_fact");
    changes.add(dates.join(timings)); // the dimensions follow only complete day tables

    LocalDate firstDay = days.iterator().next();
    List<BronzeFile> batch = Stream.concat(discover.stream(), exports.stream()).toList();
    List<BronzeFile> listed =
        Stream.concat(listedDiscover.stream(), listedExports.stream()).toList();
    boolean laterDaysKnown = laterDaysKnown(firstDay, batch, listed, built);
    Dataset<Row> discoverLatest = snapshots == null ? null : MovieSnapshots.latest(snapshots);
    Dataset<Row> latest =
        discoverLatest == null
            ? null
            : persist(writer.newestOnly(discoverLatest, firstDay, laterDaysKnown), cached);
    Dataset<Row> exportLatest =
        dayStatus == null
            ? null
            : writer.newestOnly(
                ExportMovies.latest(dayStatus, discoverLatest, days.size() == 1),
                firstDay,
                laterDaysKnown);
    changes.add(
        writer.upsertMovies(
            latest == null ? null : MoviesDimBuilder.build(latest), exportLatest, quarantined));
    afterTableWrite.accept(Tables.MOVIES_DIM.name());
    timings.mark("write movies_dim");
    if (latest != null) {
      changes.add(
          writer.replaceMovieGenres(MoviesGenresBuilder.build(latest), latest, quarantined));
      afterTableWrite.accept(Tables.MOVIES_GENRES.name());
      timings.mark("write movies_genres");
    }
  }

  /** The files dated on one of the days. */
  private static List<BronzeFile> onDays(List<BronzeFile> files, Set<LocalDate> days) {
    return files.stream().filter(file -> days.contains(file.snapshotDate())).toList();
  }

  /**
   * The files of a source this build takes: a date range, or those whose signature is not in {@code
   * built} (the processed-files log).
   */
  private List<BronzeFile> select(List<BronzeFile> files, Set<String> built) {
    if (from != null) {
      return files.stream()
          .filter(file -> !file.snapshotDate().isBefore(from) && !file.snapshotDate().isAfter(to))
          .toList();
    }
    // Unchanged files of the log were built before; a new or rewritten file (time, size) was not.
    return files.stream()
        .filter(
            file ->
                !built.contains(
                    LakeState.signature(file.path(), file.modificationTime(), file.size())))
        .toList();
  }

  private List<BronzeFile> list(Source source) {
    return BronzeFiles.list(spark.sparkContext().hadoopConfiguration(), lake, source);
  }

  /**
   * Whether {@code status_fact} may hold a day after {@code firstDay} that is not in the batch: a
   * discover or export file of such a day is listed in bronze or logged as built. Always true for a
   * range rebuild (the log is not read then).
   */
  private boolean laterDaysKnown(
      LocalDate firstDay, List<BronzeFile> batch, List<BronzeFile> listed, Set<String> built) {
    if (from != null) {
      return true;
    }
    Set<String> inBatch = batch.stream().map(BronzeFile::path).collect(Collectors.toSet());
    Stream<String> listedOthers =
        listed.stream().map(BronzeFile::path).filter(path -> !inBatch.contains(path));
    Stream<String> loggedOthers =
        built.stream().map(LakeState::pathOf).filter(path -> !inBatch.contains(path));
    return Stream.concat(listedOthers, loggedOthers)
        .map(path -> dateOf(new org.apache.hadoop.fs.Path(path).getName()))
        .flatMap(Optional::stream)
        .anyMatch(day -> day.isAfter(firstDay));
  }

  /** The date a discover, genre-list or export file name stands for. */
  private static Optional<LocalDate> dateOf(String fileName) {
    Optional<LocalDate> snapshot = BronzeContract.snapshotDateOf(fileName);
    return snapshot.isPresent() ? snapshot : BronzeContract.exportDateOf(fileName);
  }

  /**
   * The lines of export files with their path and date as constants: one gzip per day, read without
   * the per-line file-name matching of {@link #lines}.
   */
  private Dataset<Row> exportLines(List<BronzeFile> files) {
    Dataset<Row> lines =
        files.stream()
            .map(
                file ->
                    spark
                        .read()
                        .text(file.path())
                        .select(
                            lit(file.path()).as(BronzeParser.SOURCE_FILE),
                            lit(java.sql.Date.valueOf(file.snapshotDate()))
                                .as(BronzeParser.SNAPSHOT),
                            col(BronzeParser.VALUE)))
            .reduce(Dataset::unionByName)
            .orElseThrow();
    // A gzip is one split, read by one core: spread a big one's lines so that all cores parse them
    // (the JSON parse costs far more than this shuffle of the decompressed lines).
    return files.size() >= parallelism() || bytes(files) < SPREAD_BYTES
        ? lines
        : lines.repartition(parallelism(), col(BronzeParser.VALUE));
  }

  private static long bytes(List<BronzeFile> files) {
    return files.stream().mapToLong(BronzeFile::size).sum();
  }

  private int parallelism() {
    return spark.sparkContext().defaultParallelism();
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }

  private Dataset<Row> lines(List<BronzeFile> files) {
    return LakeFiles.readLines(spark, files.stream().map(BronzeFile::path).toList());
  }

  private Dataset<Row> processedRows(List<BronzeFile> files, Instant now) {
    StructType schema = Tables.PROCESSED_FILES.schema();
    List<Row> rows =
        files.stream()
            .map(
                file ->
                    RowFactory.create(
                        file.path(),
                        file.folder(),
                        Date.valueOf(file.snapshotDate()),
                        file.modificationTime(),
                        file.size(),
                        Timestamp.from(now)))
            .toList();
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> persist(Dataset<Row> data, List<Dataset<Row>> cached) {
    cached.add(data);
    return data.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Configures a {@link SilverBuild}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private LocalDate from;
    private LocalDate to;
    private Clock clock = Clock.systemUTC();
    private Consumer<String> afterTableWrite = table -> {};
    private long statusRowsPerFile = STATUS_ROWS_PER_FILE;
    private long largeExportBytes = LARGE_EXPORT_BYTES;

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
      this.from = from;
      this.to = to;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /**
     * Test hook: runs after each table's commit (a failure here simulates a crash mid-build), on
     * the thread that wrote the table: the build's own, or its side lane for dates_dim, genres_dim
     * and the quarantine.
     */
    Builder afterTableWrite(Consumer<String> hook) {
      this.afterTableWrite = requireNonNull(hook, "hook is null");
      return this;
    }

    /** Test hook: the most rows per {@code status_fact} file of a day built from an export. */
    Builder statusRowsPerFile(long rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("rows per file must be at least 1, was " + rows);
      }
      this.statusRowsPerFile = rows;
      return this;
    }

    /**
     * Test hook: export batches of at least this many gzip bytes run with {@link LargeBatch}'s
     * settings.
     */
    Builder largeExportBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
      }
      this.largeExportBytes = bytes;
      return this;
    }

    public SilverBuild build() {
      return new SilverBuild(this);
    }
  }
}
