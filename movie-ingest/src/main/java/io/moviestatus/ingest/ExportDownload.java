package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of {@link ExportIngestion}: downloads one export into a staged temporary file beside its
 * target, retrying I/O errors, 5xx and 429 with exponential backoff and jitter (honouring {@code
 * Retry-After}). Each attempt stages a fresh temporary file and deletes it if the attempt fails; a
 * successful attempt returns its file verified and still unrenamed, for the caller to commit.
 */
final class ExportDownload {

  private static final Logger LOG = LoggerFactory.getLogger(ExportDownload.class);

  /** A verified download in its temporary file, not yet renamed; the caller closes it. */
  record Downloaded(
      AtomicLanding.Staged staged,
      int httpStatus,
      Instant fetchedAt,
      long sizeBytes,
      String sha256,
      long lines) {}

  /** An I/O failure writing the lake (not retried; rethrown as the IOException it is). */
  private static final class LakeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LakeFailure(IOException cause) {
      super(cause);
    }
  }

  private final OkHttpClient http;
  private final Configuration hadoopConf;
  private final int maxAttempts;
  private final TmdbErrors errors;
  private final TmdbRetryPolicy retryPolicy;
  private final Clock clock;

  ExportDownload(
      OkHttpClient http, Configuration hadoopConf, TmdbHttpSettings settings, Clock clock) {
    this.http = requireNonNull(http, "http is null");
    this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
    this.maxAttempts = settings.maxAttempts();
    this.clock = requireNonNull(clock, "clock is null");
    // The export needs no credential: nothing to redact beyond the usual patterns.
    this.errors = new TmdbErrors(new Redactor(null), clock);
    // The same retry policy as the API client: I/O failures, 5xx and 429 (Retry-After honoured).
    this.retryPolicy = settings.retryPolicy(errors);
  }

  /**
   * Downloads {@code url} into a temporary file beside {@code target}; {@code attempts} counts the
   * attempts made.
   */
  Downloaded download(LocalDate date, String url, Path target, AtomicInteger attempts)
      throws IOException {
    RetryPolicy<Downloaded> retry = retryPolicy.forRequest("export " + date);
    try {
      return Failsafe.with(retry)
          .get(
              () -> {
                attempts.incrementAndGet();
                return attempt(date, url, target);
              });
    } catch (TmdbApiException e) {
      if (e.isRetryable()) {
        throw unavailable(date, url, e);
      }
      throw e;
    } catch (TmdbRetryPolicy.TransientFailure e) {
      throw unavailable(date, url, e.getCause());
    } catch (LakeFailure e) {
      throw (IOException) e.getCause();
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new TmdbException("Interrupted while downloading the TMDB export " + date, cause);
      }
      throw new TmdbException("TMDB export " + date + " failed: " + errors.describe(cause), cause);
    }
  }

  private Downloaded attempt(LocalDate date, String url, Path target) {
    // Identity: OkHttp must neither ask for nor transparently undo a Content-Encoding, so the bytes
    // stored are the file's bytes.
    Request request = new Request.Builder().url(url).header("Accept-Encoding", "identity").build();
    AtomicLanding.Staged staged;
    try {
      staged = AtomicLanding.stage(hadoopConf, target);
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
      ExportGzipCopy.Copied copied = copy(date, response, staged, status);
      verified = true;
      return new Downloaded(
          staged, status, fetchedAt, copied.sizeBytes(), copied.sha256(), copied.lines());
    } catch (IOException e) {
      throw new TmdbRetryPolicy.TransientFailure(e);
    } finally {
      if (!verified) {
        staged.close();
      }
    }
  }

  /** Streams the body into the staged file (see {@link ExportGzipCopy}) and closes the file. */
  private ExportGzipCopy.Copied copy(
      LocalDate date, Response response, AtomicLanding.Staged staged, int status) {
    OutputStream file;
    try {
      file = staged.create();
    } catch (IOException e) {
      throw new LakeFailure(e);
    }
    boolean closed = false;
    try {
      ExportGzipCopy.Copied copied;
      try {
        copied = ExportGzipCopy.copy(response.body().byteStream(), file);
      } catch (ExportGzipCopy.SourceFailure e) {
        throw new TmdbRetryPolicy.TransientFailure(e.cause());
      } catch (ExportGzipCopy.SinkFailure e) {
        throw new LakeFailure(e.cause());
      } catch (ExportGzipCopy.NotGzip e) {
        throw new TmdbMalformedResponseException(
            "TMDB export for "
                + date
                + " is not a complete gzip file ("
                + e.bytesReceived()
                + " bytes received, HTTP "
                + status
                + "): "
                + errors.describe(e.cause()),
            e.cause());
      } catch (IOException e) {
        throw new TmdbRetryPolicy.TransientFailure(e);
      }
      try {
        file.close();
        closed = true;
      } catch (IOException e) {
        throw new LakeFailure(e);
      }
      return copied;
    } finally {
      if (!closed) {
        try {
          file.close();
        } catch (IOException e) {
          LOG.debug("Closing a failed download's temporary file: {}", e.toString());
        }
      }
    }
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

  private TmdbUnavailableException unavailable(LocalDate date, String url, Throwable lastFailure) {
    return new TmdbUnavailableException(
        maxAttempts,
        "TMDB export "
            + date
            + " unreachable after "
            + maxAttempts
            + " attempts: "
            + errors.describe(lastFailure)
            + " ("
            + url
            + ")",
        lastFailure);
  }
}
