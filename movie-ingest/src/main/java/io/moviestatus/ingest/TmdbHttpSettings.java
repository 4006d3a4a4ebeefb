package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HTTP settings both TMDB clients share, the API client ({@link TmdbClient}) and the daily
 * export download ({@link ExportIngestion}): connect and read timeouts, attempts per request and
 * the exponential backoff between them. Checked here, once; each client's builder starts from its
 * defaults ({@link #API}, {@link #EXPORT}) and its setters delegate to the {@code with…} methods.
 * {@link #client()} and {@link #retryPolicy} make the OkHttp client and the Failsafe policy of
 * either.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout longest wait for the next bytes (also the write timeout)
 * @param maxAttempts attempts per request, the first included
 * @param backoffBase about the wait before the first retry; it doubles up to {@code backoffMax}
 * @param backoffMax longest wait between two attempts (a {@code Retry-After} aside)
 */
record TmdbHttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax) {

  /** The API client's: 10 s to connect, 30 s per read, 5 attempts, 0.5 s doubling up to 30 s. */
  static final TmdbHttpSettings API =
      new TmdbHttpSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          5,
          Duration.ofMillis(500),
          Duration.ofSeconds(30));

  /**
   * The export download's: as the API client's, but a read waits up to 60 s for the next bytes of
   * the large body, and retries back off from 1 s up to 60 s.
   */
  static final TmdbHttpSettings EXPORT =
      new TmdbHttpSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  /** Checks every setting; an {@link IllegalArgumentException} names the one that is not valid. */
  TmdbHttpSettings {
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    positive(backoffBase, "backoff base");
    positive(backoffMax, "backoff max");
    if (backoffBase.compareTo(backoffMax) >= 0) {
      throw new IllegalArgumentException("backoff base must be less than backoff max");
    }
  }

  TmdbHttpSettings withConnectTimeout(Duration timeout) {
    return new TmdbHttpSettings(timeout, readTimeout, maxAttempts, backoffBase, backoffMax);
  }

  TmdbHttpSettings withReadTimeout(Duration timeout) {
    return new TmdbHttpSettings(connectTimeout, timeout, maxAttempts, backoffBase, backoffMax);
  }

  TmdbHttpSettings withMaxAttempts(int attempts) {
    return new TmdbHttpSettings(connectTimeout, readTimeout, attempts, backoffBase, backoffMax);
  }

  TmdbHttpSettings withBackoff(Duration base, Duration max) {
    return new TmdbHttpSettings(connectTimeout, readTimeout, maxAttempts, base, max);
  }

  /**
   * An OkHttp client builder with these timeouts and without OkHttp's own retries (the {@link
   * #retryPolicy} owns them: OkHttp must not silently add attempts).
   */
  OkHttpClient.Builder client() {
    return new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .retryOnConnectionFailure(false);
  }

  /** The retry policy of these attempts and backoff: I/O failures, 5xx and 429 are retried. */
  TmdbRetryPolicy retryPolicy(TmdbErrors errors) {
    return new TmdbRetryPolicy(maxAttempts, backoffBase, backoffMax, errors);
  }

  /**
   * A base URL as a folder (a trailing slash added); {@code what} names it in the {@link
   * IllegalArgumentException} when it is not an http(s) URL (any credential in it redacted).
   */
  static HttpUrl folder(String url, String what) {
    requireNonNull(url, "baseUrl is null");
    HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
    if (parsed == null) {
      throw new IllegalArgumentException(
          what + " is not an http(s) URL: " + new Redactor(null).redact(url));
    }
    return parsed;
  }

  /** Releases a client's threads and connections. */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name + " is null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
