package io.moviestatus.ingest.bench;

import io.moviestatus.ingest.DiscoverSnapshot;
import io.moviestatus.ingest.Fixtures;
import io.moviestatus.ingest.TmdbClient;
import io.moviestatus.ingest.TmdbCredential;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Benchmark (a runnable, not a timed test): the top 10,000 snapshot, 500 discover pages served by a
 * local MockWebServer with 50 ms latency per response, fetched by a client with its defaults (40
 * requests/s, 8 at once). The rate limit alone bounds it at 500 / 40 = 12.5 s; the target is at
 * most 1.15 times that. Exits with an exception when over the target.
 *
 * <pre>
 * ./mvnw -B -q -pl movie-ingest -am install -DskipTests
 * ./mvnw -B -q -pl movie-ingest test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.moviestatus.ingest.bench.IngestBenchmark [-Dexec.args="500 50"]
 * </pre>
 *
 * <p>Arguments (optional): pages (default 500), latency in ms (default 50).
 */
public final class IngestBenchmark {

  private static final double TARGET_RATIO = 1.15;
  private static final double DEFAULT_REQUESTS_PER_SECOND = 40;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
    String[] bodies = new String[pages];
    for (int page = 1; page <= pages; page++) {
      bodies[page - 1] = Fixtures.discoverPage(page, pages);
    }

    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int page = Integer.parseInt(request.getRequestUrl().queryParameter("page"));
            return Fixtures.json(bodies[page - 1])
                .setHeadersDelay(latencyMillis, TimeUnit.MILLISECONDS);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (TmdbClient client =
        TmdbClient.builder()
            .baseUrl(server.url("/3/").toString())
            .credential(TmdbCredential.bearer("benchmark-token"))
            .build()) {
      int step = Math.max(1, pages / 10);
      long start = System.nanoTime();
      DiscoverSnapshot snapshot =
          client.discoverTopMovies(
              pages * TmdbClient.PAGE_SIZE,
              (fetched, total) -> {
                if (fetched % step == 0 || fetched == total) {
                  System.out.printf(
                      Locale.ROOT,
                      "  %3d/%d pages  %6.2f s%n",
                      fetched,
                      total,
                      (System.nanoTime() - start) / 1e9);
                }
              });
      double elapsed = (System.nanoTime() - start) / 1e9;
      double bound = pages / DEFAULT_REQUESTS_PER_SECOND;
      double ratio = elapsed / bound;
      System.out.printf(
          Locale.ROOT,
          "IngestBenchmark: %d pages, %d movies, latency %d ms, %d requests served: "
              + "elapsed %.2f s, rate-limit bound %.2f s, ratio %.3f (target <= %.2f)%n",
          snapshot.pages().size(),
          snapshot.movies(),
          latencyMillis,
          server.getRequestCount(),
          elapsed,
          bound,
          ratio,
          TARGET_RATIO);
      if (ratio > TARGET_RATIO) {
        throw new IllegalStateException(
            String.format(Locale.ROOT, "ratio %.3f is over the target %.2f", ratio, TARGET_RATIO));
      }
    } finally {
      server.shutdown();
    }
  }
}
