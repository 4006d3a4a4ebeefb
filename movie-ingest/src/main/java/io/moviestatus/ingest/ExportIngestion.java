package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.LakeLayout;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apache.hadoop.conf.Configuration;
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
  private static final int BUFFER_BYTES = 1 << 16;
  private static final double JITTER = 0.25;
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final HttpUrl baseUrl;
  private final LakeLayout lake;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Clock clock;
  private final AtomicLanding landing;
  private final OkHttpClient http;

  /** A verified download in its temporary file, not yet renamed. */
  private record Downloaded(
      AtomicLanding.Staged staged,
      int httpStatus,
      Instant fetchedAt,
      long sizeBytes,
      String sha256,
      long lines) {}

  /** An I/O failure reading the response (retried). */
  private static final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientFailure(IOException cause) {
      super(cause);
    }
  }

  /** An I/O failure writing the lake (not retried; rethrown as the IOException it is). */
  private static final class LakeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LakeFailure(IOException cause) {
      super(cause);
    }
  }

  private ExportIngestion(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.lake = requireNonNull(builder.lake, "lake is required");
    this.maxAttempts = builder.maxAttempts;
    this.backoffBase = builder.backoffBase;
    this.backoffMax = builder.backoffMax;
    this.clock = builder.clock;
    this.landing = new AtomicLanding(requireNonNull(builder.hadoopConf, "hadoopConf is required"));
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            // Failsafe owns retries: OkHttp must not silently add attempts of its own.
            .retryOnConnectionFailure(false)
            .build();
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
    Downloaded downloaded = download(date, url, path, attempts);
    ExportIngestResult result;
    try (AtomicLanding.Staged data = downloaded.staged();
        AtomicLanding.Staged metadata = landing.stage(metadataPath)) {
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
      landing.deleteIfExists(metadataPath);
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
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "ExportIngestion[baseUrl=" + baseUrl + ", lake=" + lake.root() + "]";
  }

  // ---- download with retries ------------------------------------------------------------------

  private Downloaded download(LocalDate date, String url, String path, AtomicInteger attempts)
      throws IOException {
    RetryPolicy<Downloaded> retry =
        RetryPolicy.<Downloaded>builder()
            .handleIf(ExportIngestion::isRetryable)
            .withMaxAttempts(maxAttempts)
            .withBackoff(backoffBase, backoffMax)
            .withJitter(JITTER)
            .withDelayFnOn(
                context -> retryAfterDelay(context.getLastException()), TmdbApiException.class)
            .onRetryScheduled(
                event ->
                    LOG.warn(
                        "TMDB export {}: attempt {}/{} failed ({}); retrying in {} ms",
                        date,
                        event.getAttemptCount(),
                        maxAttempts,
                        describe(event.getLastException()),
                        event.getDelay().toMillis()))
            .build();
    try {
      return Failsafe.with(retry)
          .get(
              () -> {
                attempts.incrementAndGet();
                return attempt(date, url, path);
              });
    } catch (TmdbApiException e) {
      if (e.isRetryable()) {
        throw unavailable(date, e);
      }
      throw e;
    } catch (TransientFailure e) {
      throw unavailable(date, e.getCause());
    } catch (LakeFailure e) {
      throw (IOException) e.getCause();
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new TmdbException("Interrupted while downloading the TMDB export " + date, cause);
      }
      throw new TmdbException("TMDB export " + date + " failed: " + describe(cause), cause);
    }
  }

  private Downloaded attempt(LocalDate date, String url, String path) {
    // Identity: OkHttp must neither ask for nor transparently undo a Content-Encoding, so the bytes
    // stored are the file's bytes.
    Request request = new Request.Builder().url(url).header("Accept-Encoding", "identity").build();
    AtomicLanding.Staged staged;
    try {
      staged = landing.stage(path);
    } catch (IOException e) {
      throw new LakeFailure(e);
    }
    boolean verified = false;
    try (Response response = http.newCall(request).execute()) {
      Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      int status = response.code();
      if (status == 404 || status == 403) {
        throw new TmdbExportNotPublishedException(date, url, status);
      }
      if (!response.isSuccessful()) {
        throw new TmdbApiException(
            status,
            TmdbApiException.NO_TMDB_STATUS_CODE,
            "TMDB export download failed (HTTP " + status + " for " + url + ")",
            parseRetryAfter(response.header("Retry-After")));
      }
      Downloaded downloaded = copy(date, response.body(), staged, status, fetchedAt);
      verified = true;
      return downloaded;
    } catch (IOException e) {
      throw new TransientFailure(e);
    } finally {
      if (!verified) {
        staged.close();
      }
    }
  }

  /**
   * Streams the body into the staged file, hashing it, and in the same pass decompresses it to
   * count lines and prove it a complete gzip.
   */
  private Downloaded copy(
      LocalDate date,
      ResponseBody body,
      AtomicLanding.Staged staged,
      int status,
      Instant fetchedAt) {
    MessageDigest sha256 = sha256();
    OutputStream file;
    try {
      file = staged.create();
    } catch (IOException e) {
      throw new LakeFailure(e);
    }
    Tee tee = new Tee(body.byteStream(), new DigestOutputStream(file, sha256));
    long lines;
    boolean closed = false;
    try {
      try {
        lines = decompressAndCountLines(tee);
      } catch (SourceFailure e) {
        throw new TransientFailure(e.cause());
      } catch (SinkFailure e) {
        throw new LakeFailure(e.cause());
      } catch (IOException e) {
        throw new TmdbMalformedResponseException(
            "TMDB export for "
                + date
                + " is not a complete gzip file ("
                + tee.bytes()
                + " bytes received, HTTP "
                + status
                + "): "
                + describe(e),
            e);
      }
      try {
        file.close();
        closed = true;
      } catch (IOException e) {
        throw new LakeFailure(e);
      }
    } finally {
      if (!closed) {
        closeQuietly(file);
      }
    }
    return new Downloaded(
        staged, status, fetchedAt, tee.bytes(), HexFormat.of().formatHex(sha256.digest()), lines);
  }

  /**
   * Decompresses everything the tee passes (so every byte is written), counting lines; a final line
   * without a line break counts. Bytes after the gzip trailer, if any, are read (and so kept) too.
   */
  private static long decompressAndCountLines(Tee tee) throws IOException {
    long newlines = 0;
    int last = -1;
    byte[] buffer = new byte[BUFFER_BYTES];
    GZIPInputStream gzip = new GZIPInputStream(tee, BUFFER_BYTES);
    int n;
    while ((n = gzip.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          newlines++;
        }
      }
      last = buffer[n - 1];
    }
    tee.drain(buffer);
    return newlines + (last >= 0 && last != '\n' ? 1 : 0);
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      LOG.debug("Closing a failed download's temporary file: {}", e.toString());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The metadata file's JSON: one object, fields as {@link BronzeContract#EXPORT_METADATA_SCHEMA}.
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

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof TransientFailure
        || (failure instanceof TmdbApiException api && api.isRetryable());
  }

  private static Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null; // an HTTP date: the exponential backoff applies
    }
  }

  /** Retry-After scaled so that the jitter never brings it below the server's value, else -1. */
  private static Duration retryAfterDelay(Throwable failure) {
    if (failure instanceof TmdbApiException api && api.retryAfter().isPresent()) {
      Duration retryAfter = api.retryAfter().get();
      if (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
        retryAfter = MAX_RETRY_AFTER;
      }
      return Duration.ofNanos((long) Math.ceil(retryAfter.toNanos() / (1 - JITTER)));
    }
    return Duration.ofNanos(-1);
  }

  private TmdbUnavailableException unavailable(LocalDate date, Throwable lastFailure) {
    return new TmdbUnavailableException(
        maxAttempts,
        "TMDB export "
            + date
            + " unreachable after "
            + maxAttempts
            + " attempts: "
            + describe(lastFailure)
            + " ("
            + url(date)
            + ")",
        lastFailure);
  }

  private static String describe(Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    if (failure instanceof TransientFailure && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof TmdbException) {
      return failure.getMessage();
    }
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return message == null ? type : type + ": " + message;
  }

  // ---- the tee: every byte read from the body is written to the file --------------------------

  /** A read from the response failed (the network, not the data). */
  private static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause);
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  /** A write to the lake failed. */
  private static final class SinkFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SinkFailure(IOException cause) {
      super(cause);
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  /**
   * Passes the body through to its reader (the gzip decoder) and writes every byte read to the
   * sink, so the file holds exactly the bytes received. Failures are tagged with their side.
   */
  private static final class Tee extends FilterInputStream {
    private final OutputStream sink;
    private long bytes;

    Tee(InputStream source, OutputStream sink) {
      super(source);
      this.sink = sink;
    }

    long bytes() {
      return bytes;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = in.read();
      } catch (IOException e) {
        throw new SourceFailure(e);
      }
      if (b >= 0) {
        try {
          sink.write(b);
        } catch (IOException e) {
          throw new SinkFailure(e);
        }
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new SourceFailure(e);
      }
      if (n > 0) {
        try {
          sink.write(buffer, offset, n);
        } catch (IOException e) {
          throw new SinkFailure(e);
        }
        bytes += n;
      }
      return n;
    }

    /** Skipped bytes are read (and so written) too. */
    @Override
    public long skip(long count) throws IOException {
      byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, Math.max(0, count))];
      long skipped = 0;
      while (skipped < count) {
        int n = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
        if (n < 0) {
          break;
        }
        skipped += n;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Reads (and writes) whatever is left of the body. */
    void drain(byte[] buffer) throws IOException {
      while (read(buffer, 0, buffer.length) >= 0) {
        // written by read
      }
    }

    /** Closing the decoder must not close the response here; the caller closes both. */
    @Override
    public void close() {}
  }

  // ---- builder --------------------------------------------------------------------------------

  /** Configures an {@link ExportIngestion}; {@link #lake} and {@link #hadoopConf} are required. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private LakeLayout lake;
    private Configuration hadoopConf;
    private int maxAttempts = 5;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration backoffBase = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Export folder URL, default {@value ExportIngestion#DEFAULT_BASE_URL}; "/" is added. */
    public Builder baseUrl(String url) {
      requireNonNull(url, "baseUrl is null");
      HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
      if (parsed == null) {
        throw new IllegalArgumentException("TMDB export base URL is not an http(s) URL: " + url);
      }
      this.baseUrl = parsed;
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
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** TCP connect timeout, default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Longest wait for the next bytes of the body, default 60 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Exponential backoff: first retry after about {@code base}, doubling up to {@code max}. */
    public Builder backoff(Duration base, Duration max) {
      positive(base, "backoff base");
      positive(max, "backoff max");
      if (base.compareTo(max) >= 0) {
        throw new IllegalArgumentException("backoff base must be less than backoff max");
      }
      this.backoffBase = base;
      this.backoffMax = max;
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

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " is null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
