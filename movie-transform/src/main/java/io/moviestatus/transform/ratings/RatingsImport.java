package io.moviestatus.transform.ratings;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import io.moviestatus.ingest.RatingsLanding;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LakeWriter;
import io.moviestatus.lake.ProcessedFiles;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.internal.SideLane;
import io.moviestatus.model.BadInputException;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.Tables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports ratings of anonymous users: lands the input files in bronze as dropped, then builds
 * silver {@code ratings_fact} from every landed file not built before.
 *
 * <p><b>Formats</b> ({@link RatingsFormat}): MovieLens {@code ratings.csv} + {@code links.csv}
 * (MovieLens ids mapped to TMDB ids; a rating of a movie without tmdbId is quarantined as {@code
 * no_tmdb_id} and counted in the report), or rating events as CSV with header {@code
 * user_id,movie_id,rating,rated_at} or JSON lines with those fields ({@code movie_id} a TMDB id,
 * {@code rated_at} ISO-8601 such as {@code 2026-11-20T18:30:00Z}, or epoch seconds). CSV fields
 * must not contain commas.
 *
 * <p><b>Bronze</b>: {@code
 * <lake>/bronze/ratings/<movielens|movielens_links|events>/<yyyy>/<MM>/<date>-<name>}, dated by the
 * import day. Raw user ids exist only there.
 *
 * <p><b>Silver</b>: {@code user_key} = hex HMAC-SHA256 of the raw user id with the {@link
 * PseudonymKey}; {@code rating} on the half-star scale 0.5, 1.0, …, 5.0 (anything else is
 * quarantined as {@code rating_out_of_scale}); {@code date_id} = UTC date of {@code rated_at}. The
 * latest rating per (user_key, movie_id) wins: a MERGE updates a stored rating only when the
 * incoming one is newer. Rejected records go to the {@code quarantine} table (entity {@code
 * rating}; reasons in {@link RatingRejection}; the user id in the raw text replaced by its
 * user_key). Incremental and idempotent: built files are logged in {@code processed_files} (source
 * {@code ratings}); re-importing a file changes no row.
 *
 * <p>MovieLens links are reference data: every landed links file is read on each build (for a
 * MovieLens id in several files, the latest landed wins). A rating quarantined as {@code
 * no_tmdb_id} is not re-examined when a later links file maps its movie.
 *
 * <p><b>One key per table</b>: user_keys made under two keys would split each person into two
 * users, silently. So {@code ratings_fact} records the {@link PseudonymKey#fingerprint()
 * fingerprint} of its key (never the key) in its table property {@link
 * io.moviestatus.model.Tables#RATINGS_KEY_FINGERPRINT}, in the commit that creates it (a table
 * built before fingerprints were recorded gets the key of its next import). An import under another
 * key throws {@link PseudonymKeyMismatchException} before it lands or writes anything. {@link
 * Builder#rotateKey()} changes the key: it rebuilds {@code ratings_fact} and the ratings'
 * quarantine rows from every rating file in bronze under the new key, then records the new
 * fingerprint; the recommender's user-keyed outputs keep the old user_keys until it is trained
 * again (the rewrite is a data change of {@code ratings_fact}, so the next {@code recommend}
 * trains). How a failed rotation is kept from mixing keys: {@link KeyFingerprint}.
 *
 * <pre>{@code
 * RatingsImportReport report =
 *     RatingsImport.builder(spark, LakeLayout.of("/data/lake"), PseudonymKey.fromBase64(secret))
 *         .input("/drop/ml-latest-small", RatingsFormat.MOVIELENS) // ratings.csv + links.csv
 *         .build()
 *         .run();
 * System.out.println(report); // inserted / updated / quarantined, per-reason counts
 * }</pre>
 */
public final class RatingsImport {

  private static final Logger LOG = LoggerFactory.getLogger(RatingsImport.class);

  /** Value of {@code processed_files.source} for rating files. */
  public static final String SOURCE = "ratings";

  private final SparkSession spark;
  private final LakeLayout lake;
  private final PseudonymKey key;
  private final String input;
  private final RatingsFormat format;
  private final String links;
  private final boolean rotateKey;
  private final Clock clock;

  private RatingsImport(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.key = builder.key;
    this.input = builder.input;
    this.format = builder.format;
    this.links = builder.links;
    this.rotateKey = builder.rotateKey;
    this.clock = builder.clock;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake, PseudonymKey key) {
    return new Builder(spark, lake, key);
  }

  /**
   * Checks the key, lands the input (if any), then builds every landed rating file not built
   * before; with {@link Builder#rotateKey()}, every landed rating file, replacing {@code
   * ratings_fact}.
   *
   * @throws PseudonymKeyMismatchException when {@code ratings_fact} was built with another key, or
   *     a rotation is unfinished (nothing is landed or written)
   * @throws BadInputException when an input file is of no known rating format (nothing is built)
   * @throws MissingPrerequisiteException when a rotation finds no rating file in bronze to rebuild
   *     an existing {@code ratings_fact} from
   */
  public RatingsImportReport run() {
    StageTimings timings = new StageTimings("ratings");
    Instant now = clock.instant();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    KeyFingerprint fingerprint = KeyFingerprint.read(spark, lake, key);
    if (!rotateKey) {
      fingerprint.requireMatch();
    }
    timings.mark("key check");
    RatingsBronze bronze = new RatingsBronze(conf, lake);
    List<String> landed =
        input == null
            ? List.of()
            : RatingInputs.land(
                new RatingsLanding(conf, lake),
                input,
                format,
                links,
                now.atOffset(ZoneOffset.UTC).toLocalDate());

    timings.mark("landing");
    // A rotation rebuilds every landed file: the log is not read (its files count as not built).
    ProcessedFiles log =
        rotateKey
            ? ProcessedFiles.unread(spark, lake)
            : ProcessedFiles.read(spark, lake, List.of(SOURCE));
    timings.mark("state read");
    List<RatingFile> movieLens =
        log.notBuilt(bronze.list(RatingsFormat.MOVIELENS.folder()), RatingsImport::entry);
    List<RatingFile> events =
        log.notBuilt(bronze.list(RatingsFormat.EVENTS.folder()), RatingsImport::entry);
    List<RatingFile> all = Stream.concat(movieLens.stream(), events.stream()).toList();
    timings.mark("listing");
    if (all.isEmpty()) {
      if (rotateKey && DeltaTables.exists(spark, lake, Tables.RATINGS_FACT)) {
        throw new MissingPrerequisiteException(
            "no rating file under "
                + lake.bronzeRatings()
                + " to re-pseudonymise ratings_fact from: its ratings would be lost");
      }
      LOG.info("ratings: nothing to build");
      return new RatingsImportReport(
          landed,
          0,
          new TableChange(Tables.RATINGS_FACT.name(), 0, 0, 0, 0),
          Map.of(),
          timings.stages(),
          null);
    }
    LOG.info(
        "ratings: building {} MovieLens and {} events file(s)", movieLens.size(), events.size());

    List<Dataset<Row>> parts = new ArrayList<>();
    if (!movieLens.isEmpty()) {
      Dataset<Row> linkRows =
          RatingRecords.links(RatingInputs.lines(spark, bronze.list(RatingsFormat.LINKS_FOLDER)));
      parts.add(
          RatingRecords.movieLens(
              RatingRecords.csvFields(
                  RatingInputs.lines(spark, movieLens), RatingRecords.MOVIELENS_HEADER),
              linkRows));
    }
    List<RatingFile> csv = events.stream().filter(file -> !file.json()).toList();
    List<RatingFile> json = events.stream().filter(RatingFile::json).toList();
    if (!csv.isEmpty()) {
      parts.add(
          RatingRecords.events(
              RatingRecords.csvFields(
                  RatingInputs.lines(spark, csv), RatingRecords.EVENTS_HEADER)));
    }
    if (!json.isEmpty()) {
      parts.add(RatingRecords.events(RatingRecords.jsonFields(RatingInputs.lines(spark, json))));
    }
    Dataset<Row> records =
        parts.stream()
            .reduce(Dataset::unionByName)
            .orElseThrow()
            .persist(StorageLevel.MEMORY_AND_DISK());
    LakeWriter writer = new LakeWriter(spark, lake);
    try {
      Map<String, Long> reasons = new HashMap<>();
      TableChange change;
      // The two tables are written at once (see SideLane): the quarantine on the side lane, from
      // the start; the key's record, the counts by reason and ratings_fact on this thread.
      try (SideLane lane = SideLane.start("ratings")) {
        SideLane.Task<Void> quarantine =
            lane.submit(
                "write quarantine",
                () -> {
                  writer.replaceQuarantine(
                      RatingsFactBuilder.quarantine(records, key, now),
                      all.stream().map(RatingFile::path).toList());
                  return null;
                });
        long before = 0;
        if (rotateKey) {
          before = writer.read(Tables.RATINGS_FACT).count();
          fingerprint.startRotation();
        } else {
          fingerprint.recordIfNone();
        }
        timings.mark("record key");
        records
            .filter(col(RatingRecords.REASON).isNotNull())
            .groupBy(RatingRecords.REASON)
            .count()
            .collectAsList()
            .forEach(row -> reasons.put(row.getString(0), row.getLong(1)));
        long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
        timings.mark("parse");
        Dataset<Row> ratings = RatingsFactBuilder.build(records, key);
        if (rotateKey) {
          TableChange written = writer.replaceAll(Tables.RATINGS_FACT, ratings);
          change = new TableChange(written.table(), written.inserted(), 0, before, quarantined);
        } else {
          change = writer.mergeRatings(ratings, quarantined);
        }
        timings.mark("write ratings_fact");
        quarantine.join(timings);
      }
      log.markBuilt(all.stream().map(RatingsImport::entry).toList(), now);
      timings.mark("commit processed_files");
      RatingsImportReport.KeyRotation rotation = null;
      if (rotateKey) {
        fingerprint.finishRotation();
        Row counts =
            writer
                .read(Tables.RATINGS_FACT)
                .agg(count(lit(1)), countDistinct(col("user_key")))
                .first();
        rotation =
            new RatingsImportReport.KeyRotation(
                fingerprint.shown(), counts.getLong(0), counts.getLong(1));
        timings.mark("finish key rotation");
      }
      RatingsImportReport report =
          new RatingsImportReport(landed, all.size(), change, reasons, timings.stages(), rotation);
      LOG.info("{}", report);
      return report;
    } finally {
      records.unpersist();
    }
  }

  /** A rating file as the processed-files log records it: every folder under one source. */
  private static ProcessedFiles.Entry entry(RatingFile file) {
    return new ProcessedFiles.Entry(
        file.path(), SOURCE, file.landedOn(), file.modificationTime(), file.size());
  }

  /** Configures a {@link RatingsImport}. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private final PseudonymKey key;
    private String input;
    private RatingsFormat format;
    private String links;
    private boolean rotateKey;
    private Clock clock = Clock.systemUTC();

    private Builder(SparkSession spark, LakeLayout lake, PseudonymKey key) {
      this.spark = requireNonNull(spark, "spark is null");
      this.lake = requireNonNull(lake, "lake is null");
      this.key = requireNonNull(key, "pseudonymisation key is null");
    }

    /**
     * Files to land before building: a file, or a folder (events: every .csv/.json/.jsonl/.ndjson
     * file in it; MovieLens: its ratings.csv and links.csv). Without an input, the run only builds
     * files already landed.
     */
    public Builder input(String path, RatingsFormat format) {
      this.input = requireNonNull(path, "input is null");
      this.format = requireNonNull(format, "format is null");
      return this;
    }

    /** MovieLens links.csv, when it is not beside ratings.csv in the input folder. */
    public Builder links(String path) {
      this.links = requireNonNull(path, "links is null");
      return this;
    }

    /**
     * Re-pseudonymises every rating under this builder's key, which need not be the key {@code
     * ratings_fact} was built with: the run lands the input (if any), then rebuilds {@code
     * ratings_fact} and the ratings' quarantine rows from every rating file in bronze, and records
     * the key's fingerprint. Ratings whose files are no longer in bronze are not in the rebuilt
     * table.
     */
    public Builder rotateKey() {
      this.rotateKey = true;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /**
     * @throws IllegalArgumentException when {@link #links} is given for a format other than
     *     MovieLens (the message names the job's options)
     */
    public RatingsImport build() {
      if (links != null && format != RatingsFormat.MOVIELENS) {
        throw new IllegalArgumentException("--links applies to --format movielens only");
      }
      return new RatingsImport(this);
    }
  }
}
