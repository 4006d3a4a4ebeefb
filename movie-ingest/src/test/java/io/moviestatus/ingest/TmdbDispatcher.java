package io.moviestatus.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake TMDB behind MockWebServer: discover pages by page number, the genre list, 404 otherwise.
 * Counts requests per page and the most requests in flight at once.
 */
final class TmdbDispatcher extends Dispatcher {

  private final IntFunction<MockResponse> pages;
  private final String genreBody;
  private final long latencyMillis;
  private final Map<Integer, AtomicInteger> requestsPerPage = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  TmdbDispatcher(IntFunction<MockResponse> pages, long latencyMillis) {
    this.pages = pages;
    this.genreBody = Fixtures.read("genre_movie_list.json");
    this.latencyMillis = latencyMillis;
  }

  /** Serves the two recorded fixture pages (page 1, page 2), with total_pages from them. */
  static TmdbDispatcher recordedPages() {
    return new TmdbDispatcher(
        page ->
            page <= 2
                ? Fixtures.json(Fixtures.read("discover_movie_page" + page + ".json"))
                : Fixtures.json(Fixtures.discoverPage(page, 47352)),
        0);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      HttpUrl url = request.getRequestUrl();
      String path = url == null ? "" : url.encodedPath();
      if (path.endsWith("/discover/movie")) {
        int page = Integer.parseInt(url.queryParameter("page"));
        requestsPerPage.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
        return pages.apply(page);
      }
      if (path.endsWith("/genre/movie/list")) {
        return Fixtures.json(genreBody);
      }
      return Fixtures.json(404, Fixtures.read("error_404.json"));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  int requestsFor(int page) {
    AtomicInteger count = requestsPerPage.get(page);
    return count == null ? 0 : count.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }
}
