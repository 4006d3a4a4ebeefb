package io.moviestatus.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.moviestatus.ingest.AtomicLanding;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The movie-status report: one self-contained HTML page (inline SVG charts, no script, nothing
 * loaded from the network) about one snapshot date of the lake: the top 20 by popularity with rank
 * change and sparklines, popularity trends of the top 10, biggest movers, weighted rating vs
 * popularity, genre mix, users' ratings, recommender metrics against their baselines, and data
 * quality (quarantine, processed files). Each chart is followed by its data in a collapsible table.
 *
 * <p>Reads the lake's Delta tables with Spark and collects only small aggregates; needs gold {@code
 * movie_rankings} for the date, every other table is optional.
 *
 * <pre>{@code
 * Report report = Report.builder(spark, LakeLayout.of("abfss://…/movie-status")).days(30).build();
 * String html = report.render();                 // latest date of movie_rankings
 * String path = report.writeToLake();            // <lake>/gold/report/<date>.html
 * Report.builder(spark, lake).date(LocalDate.parse("2026-11-03")).build().write("/tmp/r.html");
 * }</pre>
 */
public final class Report {

  private static final Logger LOG = LoggerFactory.getLogger(Report.class);

  /** Default window of the time charts, in days. */
  public static final int DEFAULT_DAYS = 30;

  /** Longest window accepted. */
  public static final int MAX_DAYS = 366;

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LocalDate date;
  private final int days;
  private final Clock clock;
  private ReportData data;

  private Report(Builder builder) {
    this.spark = builder.spark;
    this.lake = builder.lake;
    this.date = builder.date;
    this.days = builder.days;
    this.clock = builder.clock;
  }

  public static Builder builder(SparkSession spark, LakeLayout lake) {
    return new Builder(spark, lake);
  }

  /**
   * Where {@link #writeToLake} puts the report of {@code date}: {@code
   * <lake>/gold/report/<date>.html}.
   */
  public static String lakePath(LakeLayout lake, LocalDate date) {
    requireNonNull(lake, "lake is null");
    requireNonNull(date, "date is null");
    return lake.gold() + "/report/" + date + ".html";
  }

  /** The report's date: the one asked for, or the latest date of gold movie_rankings. */
  public LocalDate date() {
    return data().date();
  }

  /** The report as HTML. The lake is queried once per {@code Report}. */
  public String render() {
    return ReportPage.render(data());
  }

  /**
   * Writes the report to {@code path} (any Hadoop file system: local, {@code abfss://}, {@code
   * dbfs:/}) with movie-ingest's {@link AtomicLanding}: the page goes to a temporary file beside
   * the target, which is renamed over it once complete, without a checksum file. An earlier report
   * at {@code path} stays in place until then, and stays as it was when the write fails. Returns
   * the path.
   */
  public String write(String path) {
    requireNonNull(path, "path is null");
    String html = render();
    byte[] bytes = html.getBytes(UTF_8);
    try {
      AtomicLanding.landWithoutChecksum(
          spark.sparkContext().hadoopConfiguration(),
          new Path(path),
          (fs, temp) -> {
            try (OutputStream out = fs.create(temp, false)) {
              out.write(bytes);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + path, e);
    }
    LOG.info("report of {} written to {} ({} characters)", date(), path, html.length());
    return path;
  }

  /** Writes the report to {@link #lakePath} and returns that path. */
  public String writeToLake() {
    return write(lakePath(lake, date()));
  }

  private synchronized ReportData data() {
    if (data == null) {
      data = new ReportQueries(spark, lake).load(date, days, clock.instant());
    }
    return data;
  }

  /** Options of a report; {@link #build} checks them. */
  public static final class Builder {
    private final SparkSession spark;
    private final LakeLayout lake;
    private LocalDate date;
    private int days = DEFAULT_DAYS;
    private Clock clock = Clock.systemUTC();

    private Builder(SparkSession spark, LakeLayout lake) {
      this.spark = requireNonNull(spark, "spark is null");
      this.lake = requireNonNull(lake, "lake is null");
    }

    /** The snapshot date to report on (default: the latest date of gold movie_rankings). */
    public Builder date(LocalDate date) {
      this.date = requireNonNull(date, "date is null");
      return this;
    }

    /** Days of the time charts' window, ending at the date (default {@value #DEFAULT_DAYS}). */
    public Builder days(int days) {
      this.days = days;
      return this;
    }

    /** The clock of the "generated" line (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    public Report build() {
      if (days < 1 || days > MAX_DAYS) {
        throw new IllegalArgumentException(
            "days must be between 1 and " + MAX_DAYS + ", was " + days);
      }
      return new Report(this);
    }
  }
}
