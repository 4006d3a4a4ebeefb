package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands TMDB's daily ID export (every valid movie, about 1.1 million JSON lines, gzip) in bronze as
 * received: the gzip file byte-exact at {@link LakeLayout#exportFile} and its fetch metadata (URL,
 * snapshot date, fetched_at, HTTP status, size, SHA-256, lines; {@link BronzeContract}'s field
 * names) at {@link LakeLayout#exportMetadataFile}. No credential is needed.
 *
 * <ul>
 *   <li><b>Bounded memory</b>: the response body is streamed to the lake through a 64 KiB buffer
 *       while its SHA-256 is computed and, in the same pass, it is decompressed to count its lines
 *       and prove the gzip complete; the file is never held in the heap.
 *   <li><b>Atomic</b>: each attempt writes a hidden temporary file in the target folder, renamed
 *       over the target only once the download is complete and a valid gzip. A failed or truncated
 *       download leaves the day's earlier file as it was and no temporary file behind.
 *   <li><b>Idempotent</b>: ingesting a day again replaces its file and metadata. The metadata is
 *       written last (the old one is removed first), so a day is complete when its metadata exists.
 *   <li><b>Retries</b>: I/O errors, 5xx and 429 are retried with exponential backoff and jitter
 *       ({@link TmdbUnavailableException} when every attempt failed). 404/403 mean the day is not
 *       published yet: {@link TmdbExportNotPublishedException} at once, nothing written. A body
 *       that ends cleanly but is not a complete gzip is a {@link TmdbMalformedResponseException}.
 * </ul>
 *
 * <p>The download with its retries is {@code ExportDownload}'s; the byte-exact copy with its hash
 * and gzip check is {@code ExportGzipCopy}'s; the temporary file and rename are {@code
 * AtomicLanding}'s (the same helper as {@link BronzeWriter} and {@link RatingsLanding}).
 *
 * <pre>{@code
 * try (ExportIngestion export =
 *     ExportIngestion.builder()
 *         .lake(LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/movie-status"))
 *         .hadoopConf(spark.sparkContext().hadoopConfiguration())
 *         .build()) {
 *   ExportIngestResult landed = export.ingest(LocalDate.of(2026, 11, 25));
 * }
 * }</pre>
 */
public final class ExportIngestion implements AutoCloseable {

  /** Where TMDB publishes its daily exports. */
  public static final String DEFAULT_BASE_URL = "https://files.tmdb.org/p/exports/";

  private static final Logger LOG = LoggerFactory.getLogger(ExportIngestion.class);
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("MM_dd_uuuu", Locale.ROOT);

  private final HttpUrl baseUrl;
  private final LakeLayout lake;
  private final Configuration hadoopConf;
  private final OkHttpClient http;
  private final ExportDownload download;

  private ExportIngestion(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.lake = requireNonNull(builder.lake, "lake is required");
    this.hadoopConf = requireNonNull(builder.hadoopConf, "hadoopConf is required");
    this.http = builder.http.client().build();
    this.download = new ExportDownload(http, hadoopConf, builder.http, builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The export URL of a date: {@code <base>movie_ids_MM_dd_yyyy.json.gz}. */
  public String url(LocalDate date) {
    requireNonNull(date, "date is null");
    return baseUrl.resolve("movie_ids_" + FILE_DATE.format(date) + ".json.gz").toString();
  }

  /**
   * Downloads the export of {@code date} and lands it (or replaces it) in bronze with its metadata.
   *
   * @throws TmdbExportNotPublishedException when TMDB has no export for the date (404/403)
   * @throws TmdbUnavailableException when every attempt failed with an I/O error, 5xx or 429
   * @throws TmdbMalformedResponseException when the body is not a complete gzip file
   * @throws TmdbApiException on another HTTP error
   * @throws IOException when the lake cannot be written
   */
  public ExportIngestResult ingest(LocalDate date) throws IOException {
    requireNonNull(date, "date is null");
    String url = url(date);
    String path = lake.exportFile(date);
    String metadataPath = lake.exportMetadataFile(date);
    long start = System.nanoTime();
    AtomicInteger attempts = new AtomicInteger();
    ExportDownload.Downloaded downloaded = download.download(date, url, new Path(path), attempts);
    ExportIngestResult result;
    try (AtomicLanding.Staged data = downloaded.staged();
        AtomicLanding.Staged metadata = AtomicLanding.stage(hadoopConf, new Path(metadataPath))) {
      result =
          new ExportIngestResult(
              date,
              url,
              downloaded.httpStatus(),
              downloaded.fetchedAt(),
              downloaded.sizeBytes(),
              downloaded.sha256(),
              downloaded.lines(),
              attempts.get(),
              path,
              metadataPath);
      try (OutputStream out = metadata.create()) {
        out.write(metadataJson(result).getBytes(UTF_8));
      }
      // The day is incomplete (no metadata) from here until the metadata's rename.
      AtomicLanding.deleteIfExists(hadoopConf, new Path(metadataPath));
      data.commit();
      metadata.commit();
    }
    LOG.info(
        "Landed TMDB export {}: {} bytes, {} lines, sha256 {} in {} ms ({} attempt(s)) -> {}",
        date,
        result.sizeBytes(),
        result.lines(),
        result.sha256(),
        (System.nanoTime() - start) / 1_000_000,
        result.attempts(),
        result.path());
    return result;
  }

  @Override
  public void close() {
    TmdbHttpSettings.shutdown(http);
  }

  @Override
  public String toString() {
    return "ExportIngestion[baseUrl=" + baseUrl + ", lake=" + lake.root() + "]";
  }

  /**
   * The metadata file's JSON: one object, fields as {@code BronzeSchemas.EXPORT_METADATA_SCHEMA}.
   */
  static String metadataJson(ExportIngestResult result) {
    StringWriter out = new StringWriter(512);
    try (JsonWriter json = new JsonWriter(out)) {
      json.setHtmlSafe(false);
      json.beginObject();
      json.name(BronzeContract.URL).value(result.url());
      json.name(BronzeContract.SNAPSHOT_DATE).value(result.date().toString());
      json.name(BronzeContract.FETCHED_AT).value(result.fetchedAt().toString());
      json.name(BronzeContract.HTTP_STATUS).value(result.httpStatus());
      json.name(BronzeContract.SIZE_BYTES).value(result.sizeBytes());
      json.name(BronzeContract.SHA256).value(result.sha256());
      json.name(BronzeContract.LINES).value(result.lines());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out + "\n";
  }

  // ---- builder --------------------------------------------------------------------------------

  /** Configures an {@link ExportIngestion}; {@link #lake} and {@link #hadoopConf} are required. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private LakeLayout lake;
    private Configuration hadoopConf;
    private TmdbHttpSettings http = TmdbHttpSettings.EXPORT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Export folder URL, default {@value ExportIngestion#DEFAULT_BASE_URL}; "/" is added. */
    public Builder baseUrl(String url) {
      this.baseUrl = TmdbHttpSettings.folder(url, "TMDB export base URL");
      return this;
    }

    /** The lake whose bronze layer receives the export. */
    public Builder lake(LakeLayout lake) {
      this.lake = requireNonNull(lake, "lake is null");
      return this;
    }

    /**
     * The Hadoop configuration (on Spark: {@code spark.sparkContext().hadoopConfiguration()}),
     * which holds the storage credentials.
     */
    public Builder hadoopConf(Configuration hadoopConf) {
      this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
      return this;
    }

    /** Attempts including the first, default 5. */
    public Builder maxAttempts(int maxAttempts) {
      this.http = http.withMaxAttempts(maxAttempts);
      return this;
    }

    /** TCP connect timeout, default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.http = http.withConnectTimeout(timeout);
      return this;
    }

    /** Longest wait for the next bytes of the body, default 60 s. */
    public Builder readTimeout(Duration timeout) {
      this.http = http.withReadTimeout(timeout);
      return this;
    }

    /**
     * Exponential backoff: first retry after about {@code base}, doubling up to {@code max};
     * default 1 s up to 60 s.
     */
    public Builder backoff(Duration base, Duration max) {
      this.http = http.withBackoff(base, max);
      return this;
    }

    /** Clock for {@code fetched_at} (kept to the millisecond), default UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    public ExportIngestion build() {
      if (lake == null) {
        throw new IllegalStateException("a lake is required: lake(LakeLayout.of(root))");
      }
      if (hadoopConf == null) {
        throw new IllegalStateException("a Hadoop configuration is required: hadoopConf(conf)");
      }
      return new ExportIngestion(this);
    }
  }
}
