package io.moviestatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmdbClientTest {

  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  @Test
  void topFortySnapshotFetchesTwoPagesAndKeepsMovieRepeatedOnPageTwoAtItsBestRank() {
    server.setDispatcher(TmdbDispatcher.recordedPages());
    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      snapshot = client.discoverTopMovies(40);
    }

    assertThat(snapshot.pages()).as("pages = ceil(40 / 20)").hasSize(2);
    assertThat(snapshot.pages())
        .extracting(TmdbResponse::page)
        .as("page order")
        .containsExactly(1, 2);
    assertThat(snapshot.pages().get(0).body())
        .as("page 1 body exactly as received")
        .isEqualTo(Fixtures.read("discover_movie_page1.json"));
    assertThat(snapshot.pages().get(1).body())
        .as("page 2 body exactly as received")
        .isEqualTo(Fixtures.read("discover_movie_page2.json"));

    assertThat(snapshot.results()).as("40 listed").isEqualTo(40);
    assertThat(snapshot.movies()).as("40 listed, Smile 2 listed twice").isEqualTo(39);
    assertThat(snapshot.pages())
        .extracting(TmdbResponse::body)
        .as("Smile 2 on page 1 (rank 12) and again on page 2 (rank 21): silver keeps the best rank")
        .allMatch(body -> body.contains("\"id\":1100782,"));
    assertThat(snapshot.pages().get(0).body())
        .as("non-ASCII decoded as UTF-8")
        .contains("\"original_title\":\"기생충\"");
  }

  @Test
  void topNNotAMultipleOfTwentyKeepsRanksUpToN() {
    server.setDispatcher(TmdbDispatcher.recordedPages());
    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      snapshot = client.discoverTopMovies(30);
    }

    assertThat(snapshot.pages()).as("ceil(30 / 20) pages").hasSize(2);
    assertThat(snapshot.results()).as("ranks up to 30 only").isEqualTo(30);
    assertThat(snapshot.movies()).as("ranks 1..30 less the repeat at 21").isEqualTo(29);
  }

  @Test
  void eachDiscoverRequestCarriesTheDocumentedQueryAndTheResponseKeepsIt() throws Exception {
    server.setDispatcher(TmdbDispatcher.recordedPages());
    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.apiKey(server).language("de-DE").build()) {
      snapshot = client.discoverTopMovies(40);
    }

    List<Map<String, String>> sent = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpUrl url = server.takeRequest(1, TimeUnit.SECONDS).getRequestUrl();
      assertThat(url.encodedPath()).as("endpoint").isEqualTo("/3/discover/movie");
      Map<String, String> query = new LinkedHashMap<>();
      for (String name : url.queryParameterNames()) {
        query.put(name, url.queryParameter(name));
      }
      sent.add(query);
    }
    assertThat(sent)
        .extracting(query -> query.get("page"))
        .as("pages asked for")
        .containsExactlyInAnyOrder("1", "2");
    assertThat(sent.get(0))
        .as("query sent")
        .containsEntry("sort_by", "popularity.desc")
        .containsEntry("include_adult", "false")
        .containsEntry("include_video", "false")
        .containsEntry("language", "de-DE");
    assertThat(snapshot.pages().get(0).request())
        .as("request kept for bronze: the query without the credential, in order")
        .containsExactly(
            Map.entry("sort_by", "popularity.desc"),
            Map.entry("include_adult", "false"),
            Map.entry("include_video", "false"),
            Map.entry("language", "de-DE"),
            Map.entry("page", "1"));
    assertThat(snapshot.pages())
        .extracting(TmdbResponse::fetchedAt)
        .as("fetched_at from the configured clock")
        .containsOnly(TestClients.FETCHED_AT);
    assertThat(snapshot.pages())
        .extracting(TmdbResponse::endpoint, TmdbResponse::httpStatus)
        .as("endpoint and status")
        .containsOnly(org.assertj.core.groups.Tuple.tuple("discover/movie", 200));
  }

  @Test
  void bearerTokenIsSentAsAuthorizationHeaderAndNeverInTheUrl() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.read("discover_movie_page1.json")));
    try (TmdbClient client = TestClients.bearer(server).build()) {
      client.discoverTopMovies(20);
    }

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeader("Authorization"))
        .as("Authorization header")
        .isEqualTo("Bearer " + TestClients.TOKEN);
    assertThat(request.getRequestUrl().queryParameter("api_key")).as("api_key param").isNull();
    assertThat(request.getPath()).as("URL").doesNotContain(TestClients.TOKEN);
  }

  @Test
  void apiKeyIsSentAsQueryParameterWithoutAuthorizationHeader() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.read("genre_movie_list.json")));
    try (TmdbClient client = TestClients.apiKey(server).build()) {
      client.genreList();
    }

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getRequestUrl().queryParameter("api_key"))
        .as("api_key param")
        .isEqualTo(TestClients.API_KEY);
    assertThat(request.getHeader("Authorization")).as("Authorization header").isNull();
  }

  @Test
  void genreListIsParsedAndItsBodyKeptExactly() throws Exception {
    String body = Fixtures.read("genre_movie_list.json");
    server.enqueue(Fixtures.json(body));
    GenreList genres;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      genres = client.genreList();
    }

    assertThat(genres.genres()).as("TMDB's 19 movie genres").hasSize(19);
    assertThat(genres.genres())
        .as("first and a five-digit id")
        .contains(new Genre(28, "Action"), new Genre(10751, "Family"));
    assertThat(genres.response().body()).as("body as received").isEqualTo(body);
    assertThat(genres.response().page()).as("not paged").isNull();
    assertThat(genres.response().endpoint()).as("endpoint").isEqualTo("genre/movie/list");
    assertThat(genres.response().request())
        .as("request")
        .containsExactly(Map.entry("language", "en-US"));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getRequestUrl().encodedPath()).as("path").isEqualTo("/3/genre/movie/list");
  }

  @Test
  void fetchedAtIsTheClocksInstantToTheMillisecond() {
    server.enqueue(Fixtures.json(Fixtures.read("genre_movie_list.json")));
    Instant now = Instant.parse("2026-11-25T05:00:01.120456789Z");
    GenreList genres;
    try (TmdbClient client =
        TestClients.bearer(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      genres = client.genreList();
    }

    assertThat(genres.response().fetchedAt().toString())
        .as("fetched_at")
        .isEqualTo("2026-11-25T05:00:01.120Z");
  }

  @Test
  void snapshotStopsAtTheLastPageTmdbHas() {
    TmdbDispatcher dispatcher =
        new TmdbDispatcher(page -> Fixtures.json(Fixtures.discoverPage(page, 3)), 0);
    server.setDispatcher(dispatcher);
    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      snapshot = client.discoverTopMovies(200);
    }

    assertThat(snapshot.pages()).as("total_pages is 3").hasSize(3);
    assertThat(snapshot.movies()).as("3 pages of 20").isEqualTo(60);
    assertThat(dispatcher.requestsFor(4)).as("page 4 never asked for").isZero();
  }

  @Test
  void progressIsReportedPerPageFromTheCallingThread() {
    server.setDispatcher(
        new TmdbDispatcher(page -> Fixtures.json(Fixtures.discoverPage(page, 500)), 0));
    List<String> reports = new ArrayList<>();
    Thread caller = Thread.currentThread();
    try (TmdbClient client = TestClients.bearer(server).build()) {
      client.discoverTopMovies(
          100,
          (fetched, total) -> {
            assertThat(Thread.currentThread()).as("reporting thread").isSameAs(caller);
            reports.add(fetched + "/" + total);
          });
    }

    assertThat(reports).as("progress").containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");
  }

  @Test
  void pagesAreFetchedConcurrentlyButNeverAboveMaxConcurrency() {
    TmdbDispatcher dispatcher =
        new TmdbDispatcher(page -> Fixtures.json(Fixtures.discoverPage(page, 500)), 100);
    server.setDispatcher(dispatcher);
    try (TmdbClient client = TestClients.bearer(server).maxConcurrency(3).build()) {
      client.discoverTopMovies(13 * 20);
    }

    assertThat(dispatcher.maxInFlight()).as("requests in flight at once").isBetween(2, 3);
  }

  @Test
  void requestsAreSpacedByTheClientSideRateLimit() {
    server.setDispatcher(
        new TmdbDispatcher(page -> Fixtures.json(Fixtures.discoverPage(page, 500)), 0));
    long start = System.nanoTime();
    try (TmdbClient client = TestClients.bearer(server).requestsPerSecond(50).build()) {
      client.discoverTopMovies(11 * 20);
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis)
        .as("11 requests at 50/s need at least 10 intervals of 20 ms")
        .isGreaterThanOrEqualTo(190);
  }

  @Test
  void topNOutsideOneToTenThousandIsRejected() {
    try (TmdbClient client = TestClients.bearer(server).build()) {
      assertThatThrownBy(() -> client.discoverTopMovies(0))
          .as("top 0")
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.discoverTopMovies(10_001))
          .as("beyond page 500")
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("10000");
    }
    assertThat(server.getRequestCount()).as("nothing sent").isZero();
  }

  @Test
  void builderWithoutCredentialFails() {
    assertThatThrownBy(() -> TmdbClient.builder().build())
        .as("credential required")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential");
  }
}
