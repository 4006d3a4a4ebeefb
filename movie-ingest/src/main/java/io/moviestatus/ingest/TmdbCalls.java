package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.failsafe.Failsafe;
import dev.failsafe.RateLimiter;
import io.moviestatus.ingest.TmdbRetryPolicy.TransientFailure;
import io.moviestatus.model.BronzeContract.Source;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * One TMDB request under the client-side rate limit and the retry policy, its body kept exactly as
 * received and parsed; failures mapped by {@link TmdbErrors}.
 */
final class TmdbCalls {

  /** A response with its parsed body. */
  record Fetched(TmdbResponse response, JsonObject json) {}

  private final TmdbApi api;
  private final TmdbRetryPolicy retry;
  private final TmdbErrors errors;
  private final Clock clock;
  private final RateLimiter<Fetched> rateLimiter;

  TmdbCalls(
      TmdbApi api,
      TmdbRetryPolicy retry,
      TmdbErrors errors,
      Clock clock,
      double requestsPerSecond) {
    this.api = requireNonNull(api, "api is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.errors = requireNonNull(errors, "errors is null");
    this.clock = requireNonNull(clock, "clock is null");
    long nanosPerRequest = Math.max(1L, Math.round(1_000_000_000d / requestsPerSecond));
    this.rateLimiter =
        RateLimiter.<Fetched>smoothBuilder(Duration.ofNanos(nanosPerRequest))
            .withMaxWaitTime(Duration.ofHours(1))
            .build();
  }

  /**
   * One request of {@code source}, rate limited and retried; {@code validator} rejects a 2xx body
   * that is not what the endpoint promises (a {@link JsonParseException} becomes a {@link
   * TmdbMalformedResponseException}).
   */
  Fetched fetch(
      Source source, Map<String, String> query, Integer page, Consumer<JsonObject> validator) {
    String what = page == null ? source.endpoint() : source.endpoint() + " page " + page;
    try {
      return Failsafe.with(retry.<Fetched>forRequest(what))
          .compose(rateLimiter)
          .get(() -> attempt(source, query, page, what, validator));
    } catch (RuntimeException e) {
      throw errors.afterRetries(what, e, retry.maxAttempts());
    }
  }

  private Fetched attempt(
      Source source,
      Map<String, String> query,
      Integer page,
      String what,
      Consumer<JsonObject> validator) {
    Call<ResponseBody> call =
        switch (source) {
          case DISCOVER_MOVIE -> api.discoverMovie(query);
          case GENRE_MOVIE_LIST -> api.genreMovieList(query);
        };
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
      throw errors.apiError(response.code(), errorBody, response.headers().get("Retry-After"));
    }
    String body;
    try (ResponseBody raw = response.body()) {
      body = raw == null ? "" : raw.string();
    } catch (IOException e) {
      throw new TransientFailure(e);
    }
    JsonObject json;
    try {
      json = TmdbJson.parseObject(body);
      validator.accept(json);
    } catch (JsonParseException | IllegalStateException e) {
      throw errors.malformed(what, response.code(), body, e);
    }
    return new Fetched(
        new TmdbResponse(source.endpoint(), query, page, response.code(), fetchedAt, body), json);
  }
}
