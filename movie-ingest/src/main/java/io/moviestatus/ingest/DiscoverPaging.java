package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.moviestatus.ingest.TmdbCalls.Fetched;
import io.moviestatus.model.BronzeContract.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages of {@code discover/movie} by popularity: page 1 first (it tells how many pages TMDB has),
 * then the rest with bounded concurrency, each through {@link TmdbCalls}.
 */
final class DiscoverPaging {

  private final TmdbCalls calls;
  private final String language;
  private final boolean includeAdult;
  private final int maxConcurrency;

  DiscoverPaging(TmdbCalls calls, String language, boolean includeAdult, int maxConcurrency) {
    this.calls = requireNonNull(calls, "calls is null");
    this.language = requireNonNull(language, "language is null");
    this.includeAdult = includeAdult;
    this.maxConcurrency = maxConcurrency;
  }

  /** Pages 1..ceil(topN/20), fewer if TMDB has fewer, with their counts. */
  DiscoverSnapshot snapshot(int topN, ProgressListener progress) {
    int wanted = (topN + TmdbClient.PAGE_SIZE - 1) / TmdbClient.PAGE_SIZE;
    Fetched first = fetchPage(1);
    int pages = wanted;
    JsonElement totalPages = first.json().get("total_pages");
    if (TmdbJson.isNumber(totalPages)) {
      pages = Math.max(1, Math.min(wanted, totalPages.getAsInt()));
    }
    return count(fetchAll(first, pages, progress), topN);
  }

  private Fetched fetchPage(int page) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sort_by", "popularity.desc");
    query.put("include_adult", String.valueOf(includeAdult));
    query.put("include_video", "false");
    query.put("language", language);
    query.put("page", String.valueOf(page));
    return calls.fetch(
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

  /**
   * Pages {@code 1..pages}, in page order: page 1 is {@code first}, the others fetched {@link
   * #maxConcurrency} at a time; {@code progress} is told after each page, from the calling thread.
   */
  private List<Fetched> fetchAll(Fetched first, int pages, ProgressListener progress) {
    Fetched[] fetched = new Fetched[pages];
    fetched[0] = first;
    progress.onProgress(1, pages);
    if (pages == 1) {
      return List.of(fetched);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(maxConcurrency, pages - 1), daemonThreads());
    try {
      CompletionService<Fetched> done = new ExecutorCompletionService<>(pool);
      for (int p = 2; p <= pages; p++) {
        int page = p;
        done.submit(() -> fetchPage(page));
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
    return Arrays.asList(fetched);
  }

  /**
   * The pages with their counts: results listed within the top N, and the distinct movie ids among
   * them (which movie wins which rank is silver's business).
   */
  private static DiscoverSnapshot count(List<Fetched> fetched, int topN) {
    int results = 0;
    Set<Long> ids = new HashSet<>();
    List<TmdbResponse> responses = new ArrayList<>(fetched.size());
    for (Fetched page : fetched) {
      responses.add(page.response());
      for (JsonElement element : page.json().getAsJsonArray("results")) {
        if (results == topN) {
          break;
        }
        results++;
        JsonElement id = element.isJsonObject() ? element.getAsJsonObject().get("id") : null;
        if (TmdbJson.isNumber(id)) {
          ids.add(id.getAsLong());
        }
      }
    }
    return new DiscoverSnapshot(topN, responses, results, ids.size());
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
}
