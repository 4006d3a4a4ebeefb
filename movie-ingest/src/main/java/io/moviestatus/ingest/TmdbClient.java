package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.moviestatus.ingest.TmdbCalls.Fetched;
import io.moviestatus.model.BronzeContract.Source;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;

/**
 * TMDB API client: discover snapshots of the most popular movies and the movie genre list.
 *
 * <p>Requests go through a client-side rate limit (smooth, {@link Builder#requestsPerSecond}) and
 * are retried on I/O errors, timeouts, 5xx and 429 with exponential backoff and jitter, honouring
 * {@code Retry-After}; other 4xx fail at once with a {@link TmdbApiException}. When every attempt
 * failed the error is a {@link TmdbUnavailableException}; a 2xx body that is not the expected JSON
 * is a {@link TmdbMalformedResponseException}. The credential never appears in logs, messages or
 * {@code toString}.
 *
 * <pre>{@code
 * try (TmdbClient tmdb = TmdbClient.builder().credential(TmdbCredential.bearer(token)).build()) {
 *   DiscoverSnapshot top = tmdb.discoverTopMovies(100, (done, total) -> {});
 *   GenreList genres = tmdb.genreList();
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one client (and so one rate limit) per process.
 */
public final class TmdbClient implements AutoCloseable {

  /** TMDB's API root. */
  public static final String DEFAULT_BASE_URL = "https://api.themoviedb.org/3/";

  /** Results per discover page. */
  public static final int PAGE_SIZE = 20;

  /** The last page TMDB serves (code 22 beyond). */
  public static final int MAX_PAGE = 500;

  /** The largest snapshot: {@link #MAX_PAGE} pages of {@link #PAGE_SIZE}. */
  public static final int MAX_TOP_N = MAX_PAGE * PAGE_SIZE;

  private static final Logger LOG = LoggerFactory.getLogger(TmdbClient.class);

  private final HttpUrl baseUrl;
  private final TmdbCredential credential;
  private final String language;
  private final double requestsPerSecond;
  private final int maxConcurrency;
  private final int maxAttempts;
  private final Redactor redactor;
  private final OkHttpClient http;
  private final TmdbCalls calls;
  private final DiscoverPaging discover;

  private TmdbClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.credential = requireNonNull(builder.credential, "credential is required");
    this.language = builder.language;
    this.requestsPerSecond = builder.requestsPerSecond;
    this.maxConcurrency = builder.maxConcurrency;
    this.maxAttempts = builder.http.maxAttempts();
    this.redactor = new Redactor(credential.secret());
    TmdbErrors errors = new TmdbErrors(redactor, builder.clock);
    TmdbInterceptors interceptors = new TmdbInterceptors(credential, redactor, errors);
    this.http =
        builder
            .http
            .client()
            .addInterceptor(interceptors::authenticate)
            .addInterceptor(interceptors::logExchange)
            .build();
    this.calls =
        new TmdbCalls(
            new Retrofit.Builder().baseUrl(baseUrl).client(http).build().create(TmdbApi.class),
            builder.http.retryPolicy(errors),
            errors,
            builder.clock,
            requestsPerSecond);
    this.discover = new DiscoverPaging(calls, language, builder.includeAdult, maxConcurrency);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@link #discoverTopMovies(int, ProgressListener)} without progress reports. */
  public DiscoverSnapshot discoverTopMovies(int topN) {
    return discoverTopMovies(topN, ProgressListener.NONE);
  }

  /**
   * The top {@code topN} movies by popularity: pages 1..ceil(topN/20) of {@code discover/movie}
   * (fewer if TMDB has fewer), page 1 first, then the rest with bounded concurrency under the rate
   * limit.
   *
   * @param topN 1..{@value #MAX_TOP_N}
   * @param progress told after each page, from the calling thread
   * @throws TmdbException when a page cannot be fetched; no partial snapshot is returned
   */
  public DiscoverSnapshot discoverTopMovies(int topN, ProgressListener progress) {
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException(
          "top N must be between 1 and " + MAX_TOP_N + " (TMDB serves 500 pages), got " + topN);
    }
    requireNonNull(progress, "progress is null");
    long start = System.nanoTime();
    DiscoverSnapshot snapshot = discover.snapshot(topN, progress);
    LOG.info(
        "Fetched TMDB discover snapshot: top {}, {} page(s), {} movie(s) in {} ms",
        topN,
        snapshot.pages().size(),
        snapshot.movies(),
        (System.nanoTime() - start) / 1_000_000);
    return snapshot;
  }

  /** TMDB's movie genre list in the configured language. */
  public GenreList genreList() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("language", language);
    Fetched fetched =
        calls.fetch(
            Source.GENRE_MOVIE_LIST,
            query,
            null,
            json -> {
              if (!json.has("genres") || !json.get("genres").isJsonArray()) {
                throw new JsonParseException("no \"genres\" array");
              }
            });
    List<Genre> genres = new ArrayList<>();
    int skipped = 0;
    for (JsonElement element : fetched.json().getAsJsonArray("genres")) {
      TmdbJson.GenreResult genre = TmdbJson.lenient(element, TmdbJson.GenreResult.class);
      if (genre == null || genre.id() == null || genre.name() == null) {
        skipped++;
      } else {
        genres.add(new Genre(genre.id(), genre.name()));
      }
    }
    if (skipped > 0) {
      LOG.warn("TMDB genre list: skipped {} malformed genre(s) (kept raw in bronze)", skipped);
    }
    return new GenreList(fetched.response(), genres);
  }

  @Override
  public void close() {
    TmdbHttpSettings.shutdown(http);
  }

  @Override
  public String toString() {
    return "TmdbClient[baseUrl="
        + redactor.redact(baseUrl.toString())
        + ", credential="
        + credential
        + ", language="
        + language
        + ", requestsPerSecond="
        + requestsPerSecond
        + ", maxConcurrency="
        + maxConcurrency
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }

  /** Configures a {@link TmdbClient}; only {@link #credential} is required. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private TmdbCredential credential;
    private String language = "en-US";
    private boolean includeAdult = false;
    private double requestsPerSecond = 40;
    private int maxConcurrency = 8;
    private TmdbHttpSettings http = TmdbHttpSettings.API;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** API root, default {@value TmdbClient#DEFAULT_BASE_URL}; a trailing slash is added. */
    public Builder baseUrl(String url) {
      this.baseUrl = TmdbHttpSettings.folder(url, "TMDB base URL");
      return this;
    }

    /** The credential: {@link TmdbCredential#bearer} or {@link TmdbCredential#apiKey}. */
    public Builder credential(TmdbCredential credential) {
      this.credential = requireNonNull(credential, "credential is null");
      return this;
    }

    /** ISO 639-1 language with optional region, default {@code en-US}. */
    public Builder language(String language) {
      requireNonNull(language, "language is null");
      if (language.isBlank()) {
        throw new IllegalArgumentException("language is blank");
      }
      this.language = language;
      return this;
    }

    /** Whether discover includes adult titles, default false. */
    public Builder includeAdult(boolean includeAdult) {
      this.includeAdult = includeAdult;
      return this;
    }

    /** Client-side rate limit, default 40 (TMDB's upper limit). */
    public Builder requestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException(
            "requestsPerSecond must be positive, got " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** Pages fetched at once, default 8. */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Attempts per request including the first, default 5. */
    public Builder maxAttempts(int maxAttempts) {
      this.http = http.withMaxAttempts(maxAttempts);
      return this;
    }

    /** TCP connect timeout, default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.http = http.withConnectTimeout(timeout);
      return this;
    }

    /** Socket read (and write) timeout, default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.http = http.withReadTimeout(timeout);
      return this;
    }

    /**
     * Exponential backoff: first retry after about {@code base}, doubling up to {@code max};
     * default 0.5 s up to 30 s.
     */
    public Builder backoff(Duration base, Duration max) {
      this.http = http.withBackoff(base, max);
      return this;
    }

    /** Clock for {@link TmdbResponse#fetchedAt()} (kept to the millisecond), default UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    public TmdbClient build() {
      if (credential == null) {
        throw new IllegalStateException(
            "a TMDB credential is required: TmdbCredential.bearer(token) or apiKey(key)");
      }
      return new TmdbClient(this);
    }
  }
}
