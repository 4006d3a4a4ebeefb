package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.moviestatus.model.BronzeContract.Source;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
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

  /** A {@code Retry-After} longer than this is cut to it. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** Jitter factor of retry delays: a delay d becomes a random one in [0.75 d, 1.25 d]. */
  static final double JITTER = 0.25;

  private static final Logger LOG = LoggerFactory.getLogger(TmdbClient.class);
  private static final int SNIPPET = 200;

  private final HttpUrl baseUrl;
  private final TmdbCredential credential;
  private final String language;
  private final boolean includeAdult;
  private final double requestsPerSecond;
  private final int maxConcurrency;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Clock clock;
  private final Redactor redactor;
  private final OkHttpClient http;
  private final TmdbApi api;
  private final RateLimiter<Fetched> rateLimiter;

  /** A response with its parsed body. */
  private record Fetched(TmdbResponse response, JsonObject json) {}

  /** An I/O failure of one attempt (retried). */
  private static final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientFailure(IOException cause) {
      super(cause);
    }
  }

  private TmdbClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.credential = requireNonNull(builder.credential, "credential is required");
    this.language = builder.language;
    this.includeAdult = builder.includeAdult;
    this.requestsPerSecond = builder.requestsPerSecond;
    this.maxConcurrency = builder.maxConcurrency;
    this.maxAttempts = builder.maxAttempts;
    this.backoffBase = builder.backoffBase;
    this.backoffMax = builder.backoffMax;
    this.clock = builder.clock;
    this.redactor = new Redactor(credential.secret());
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            .writeTimeout(builder.readTimeout)
            // Failsafe owns retries: OkHttp must not silently add attempts of its own.
            .retryOnConnectionFailure(false)
            .addInterceptor(this::authenticate)
            .addInterceptor(this::logExchange)
            .build();
    this.api = new Retrofit.Builder().baseUrl(baseUrl).client(http).build().create(TmdbApi.class);
    long nanosPerRequest = Math.max(1L, Math.round(1_000_000_000d / requestsPerSecond));
    this.rateLimiter =
        RateLimiter.<Fetched>smoothBuilder(Duration.ofNanos(nanosPerRequest))
            .withMaxWaitTime(Duration.ofHours(1))
            .build();
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
    int wanted = (topN + PAGE_SIZE - 1) / PAGE_SIZE;
    Fetched first = fetchDiscoverPage(1);
    int pages = wanted;
    JsonElement totalPages = first.json().get("total_pages");
    if (TmdbJson.isNumber(totalPages)) {
      pages = Math.max(1, Math.min(wanted, totalPages.getAsInt()));
    }
    Fetched[] fetched = new Fetched[pages];
    fetched[0] = first;
    progress.onProgress(1, pages);
    if (pages > 1) {
      fetchRemainingPages(fetched, progress);
    }
    List<TmdbResponse> responses = new ArrayList<>(pages);
    for (Fetched page : fetched) {
      responses.add(page.response());
    }
    List<DiscoverMovie> movies = rank(fetched, topN);
    LOG.info(
        "Fetched TMDB discover snapshot: top {}, {} page(s), {} movie(s) in {} ms",
        topN,
        pages,
        movies.size(),
        (System.nanoTime() - start) / 1_000_000);
    return new DiscoverSnapshot(topN, responses, movies);
  }

  /** TMDB's movie genre list in the configured language. */
  public GenreList genreList() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("language", language);
    Fetched fetched =
        fetch(
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
      TmdbJson.GenreResult genre = parse(element, TmdbJson.GenreResult.class);
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
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
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

  // ---- discover paging ------------------------------------------------------------------------

  private Fetched fetchDiscoverPage(int page) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sort_by", "popularity.desc");
    query.put("include_adult", String.valueOf(includeAdult));
    query.put("include_video", "false");
    query.put("language", language);
    query.put("page", String.valueOf(page));
    return fetch(
        Source.DISCOVER_MOVIE,
        query,
        page,
        json -> {
          if (!json.has("results") || !json.get("results").isJsonArray()) {
            throw new JsonParseException("no \"results\" array");
          }
          JsonElement echoed = json.get("page");
          if (echoed != null && (!TmdbJson.isNumber(echoed) || echoed.getAsInt() != page)) {
            throw new JsonParseException("asked for page " + page + ", got page " + echoed);
          }
        });
  }

  private void fetchRemainingPages(Fetched[] fetched, ProgressListener progress) {
    int pages = fetched.length;
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(maxConcurrency, pages - 1), daemonThreads());
    try {
      CompletionService<Fetched> done = new ExecutorCompletionService<>(pool);
      for (int p = 2; p <= pages; p++) {
        int page = p;
        done.submit(() -> fetchDiscoverPage(page));
      }
      for (int n = 2; n <= pages; n++) {
        Fetched page = await(done.take());
        fetched[page.response().page() - 1] = page;
        progress.onProgress(n, pages);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TmdbException("Interrupted while fetching the TMDB discover snapshot", e);
    } finally {
      // On failure this cancels the pages still queued or waiting for a retry.
      pool.shutdownNow();
    }
  }

  private static Fetched await(Future<Fetched> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new TmdbException("TMDB page fetch failed: " + cause, cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "tmdb-fetch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Movies ranked 1..topN in listing order, each kept at its first (best) rank. */
  private static List<DiscoverMovie> rank(Fetched[] fetched, int topN) {
    Map<Long, DiscoverMovie> byId = new LinkedHashMap<>();
    int rank = 0;
    int skipped = 0;
    int repeated = 0;
    outer:
    for (Fetched page : fetched) {
      for (JsonElement element : page.json().getAsJsonArray("results")) {
        rank++;
        if (rank > topN) {
          break outer;
        }
        TmdbJson.DiscoverResult result = parse(element, TmdbJson.DiscoverResult.class);
        if (result == null || result.id() == null) {
          skipped++;
          continue;
        }
        DiscoverMovie previous = byId.putIfAbsent(result.id(), toMovie(rank, result));
        if (previous != null) {
          repeated++;
        }
      }
    }
    if (skipped > 0) {
      LOG.warn("TMDB discover: skipped {} malformed result(s) (kept raw in bronze)", skipped);
    }
    if (repeated > 0) {
      LOG.info(
          "TMDB discover: {} movie(s) repeated across pages kept at their best rank", repeated);
    }
    return new ArrayList<>(byId.values());
  }

  private static DiscoverMovie toMovie(int rank, TmdbJson.DiscoverResult r) {
    return new DiscoverMovie(
        rank,
        r.id(),
        r.title(),
        r.originalTitle(),
        r.originalLanguage(),
        r.overview(),
        r.posterPath(),
        r.backdropPath(),
        r.releaseDate(),
        r.genreIds(),
        r.popularity(),
        r.voteAverage(),
        r.voteCount(),
        r.adult(),
        r.video());
  }

  private static <T> T parse(JsonElement element, Class<T> type) {
    if (element == null || !element.isJsonObject()) {
      return null;
    }
    try {
      return TmdbJson.GSON.fromJson(element, type);
    } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
      return null;
    }
  }

  // ---- one request, with rate limit and retries -----------------------------------------------

  private Fetched fetch(
      Source source, Map<String, String> query, Integer page, Consumer<JsonObject> validator) {
    String what = page == null ? source.endpoint() : source.endpoint() + " page " + page;
    RetryPolicy<Fetched> retry =
        RetryPolicy.<Fetched>builder()
            .handleIf(TmdbClient::isRetryable)
            .withMaxAttempts(maxAttempts)
            .withBackoff(backoffBase, backoffMax)
            .withJitter(JITTER)
            .withDelayFnOn(
                context -> retryAfterDelay(context.getLastException()), TmdbApiException.class)
            .onRetryScheduled(
                event ->
                    LOG.warn(
                        "TMDB {}: attempt {}/{} failed ({}); retrying in {} ms",
                        what,
                        event.getAttemptCount(),
                        maxAttempts,
                        describe(event.getLastException()),
                        event.getDelay().toMillis()))
            .build();
    try {
      return Failsafe.with(retry)
          .compose(rateLimiter)
          .get(() -> attempt(source, query, page, validator));
    } catch (TmdbApiException e) {
      if (e.isRetryable()) {
        throw unavailable(what, e);
      }
      LOG.debug("TMDB {} failed: {}", what, e.getMessage());
      throw e;
    } catch (TransientFailure e) {
      throw unavailable(what, e.getCause());
    } catch (RateLimitExceededException e) {
      throw new TmdbException("TMDB " + what + ": client-side rate limit wait exceeded", e);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new TmdbException("Interrupted while fetching TMDB " + what, cause);
      }
      throw new TmdbException(
          "TMDB " + what + " failed: " + describe(cause), redactor.safeCause(cause));
    }
  }

  private Fetched attempt(
      Source source, Map<String, String> query, Integer page, Consumer<JsonObject> validator) {
    Call<ResponseBody> call =
        source == Source.DISCOVER_MOVIE ? api.discoverMovie(query) : api.genreMovieList(query);
    Response<ResponseBody> response;
    try {
      response = call.execute(); // Retrofit buffers the whole body: a cut stream fails here
    } catch (IOException e) {
      throw new TransientFailure(e);
    }
    Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!response.isSuccessful()) {
      String errorBody;
      try (ResponseBody body = response.errorBody()) {
        errorBody = body == null ? "" : body.string();
      } catch (IOException e) {
        errorBody = "";
      }
      throw apiError(response.code(), errorBody, response.headers().get("Retry-After"));
    }
    String body;
    try (ResponseBody raw = response.body()) {
      body = raw == null ? "" : raw.string();
    } catch (IOException e) {
      throw new TransientFailure(e);
    }
    String what = page == null ? source.endpoint() : source.endpoint() + " page " + page;
    JsonObject json;
    try {
      json = TmdbJson.parseObject(body);
      validator.accept(json);
    } catch (JsonParseException | IllegalStateException e) {
      throw new TmdbMalformedResponseException(
          redactor.redact(
              "TMDB returned a malformed "
                  + what
                  + " response (HTTP "
                  + response.code()
                  + ", "
                  + body.length()
                  + " chars): "
                  + e.getMessage()));
    }
    return new Fetched(
        new TmdbResponse(source.endpoint(), query, page, response.code(), fetchedAt, body), json);
  }

  private TmdbApiException apiError(int status, String body, String retryAfterHeader) {
    Optional<TmdbJson.ErrorBody> error = TmdbJson.errorBody(body);
    int code =
        error.map(TmdbJson.ErrorBody::statusCode).orElse(TmdbApiException.NO_TMDB_STATUS_CODE);
    String codePart = code == TmdbApiException.NO_TMDB_STATUS_CODE ? "" : ", status_code " + code;
    String prefix =
        switch (status) {
          case 401 ->
              "TMDB rejected the credentials ("
                  + (code == TmdbApiException.NO_TMDB_STATUS_CODE
                      ? "HTTP 401"
                      : "status_code " + code)
                  + ")";
          case 404 -> "TMDB resource not found (HTTP 404" + codePart + ")";
          case 429 -> "TMDB rate limit exceeded (HTTP 429" + codePart + ")";
          default -> "TMDB request failed (HTTP " + status + codePart + ")";
        };
    String detail = error.map(TmdbJson.ErrorBody::statusMessage).orElseGet(() -> snippet(body));
    String message = detail.isBlank() ? prefix : prefix + ": " + detail;
    return new TmdbApiException(
        status, code, redactor.redact(message), parseRetryAfter(retryAfterHeader));
  }

  private Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  /**
   * The delay before the next attempt when the server sent {@code Retry-After}: scaled so that
   * Failsafe's jitter (±{@value #JITTER}) never brings it below the server's value. Negative (use
   * the exponential backoff) otherwise.
   */
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

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof TransientFailure
        || (failure instanceof TmdbApiException api && api.isRetryable());
  }

  private TmdbUnavailableException unavailable(String what, Throwable lastFailure) {
    return new TmdbUnavailableException(
        maxAttempts,
        "TMDB API unreachable after "
            + maxAttempts
            + " attempts: "
            + describe(lastFailure)
            + " ("
            + what
            + ")",
        redactor.safeCause(lastFailure));
  }

  private String describe(Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    if (failure instanceof TransientFailure && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof TmdbException) {
      return redactor.redact(failure.getMessage());
    }
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return redactor.redact(message == null ? type : type + ": " + message);
  }

  private String snippet(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }

  // ---- OkHttp interceptors --------------------------------------------------------------------

  private okhttp3.Response authenticate(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder authenticated = request.newBuilder();
    if (credential.kind() == TmdbCredential.Kind.BEARER) {
      authenticated.header("Authorization", "Bearer " + credential.secret());
    } else {
      authenticated.url(
          request.url().newBuilder().setQueryParameter("api_key", credential.secret()).build());
    }
    return chain.proceed(authenticated.build());
  }

  /** Logs each exchange with its URL redacted; headers (Authorization) are never logged. */
  private okhttp3.Response logExchange(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      okhttp3.Response response = chain.proceed(request);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> HTTP {} ({} ms)",
            request.method(),
            redactor.redact(request.url().toString()),
            response.code(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (IOException e) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} failed after {} ms: {}",
            request.method(),
            redactor.redact(request.url().toString()),
            (System.nanoTime() - start) / 1_000_000,
            describe(e));
      }
      throw e;
    }
  }

  // ---- builder --------------------------------------------------------------------------------

  /** Configures a {@link TmdbClient}; only {@link #credential} is required. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private TmdbCredential credential;
    private String language = "en-US";
    private boolean includeAdult = false;
    private double requestsPerSecond = 40;
    private int maxConcurrency = 8;
    private int maxAttempts = 5;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration backoffBase = Duration.ofMillis(500);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** API root, default {@value TmdbClient#DEFAULT_BASE_URL}; a trailing slash is added. */
    public Builder baseUrl(String url) {
      requireNonNull(url, "baseUrl is null");
      String withSlash = url.endsWith("/") ? url : url + "/";
      HttpUrl parsed = HttpUrl.parse(withSlash);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "TMDB base URL is not an http(s) URL: " + new Redactor(null).redact(url));
      }
      this.baseUrl = parsed;
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

    /** Socket read (and write) timeout, default 30 s. */
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

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " is null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
