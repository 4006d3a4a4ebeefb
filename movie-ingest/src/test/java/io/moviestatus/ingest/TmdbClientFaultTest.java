package io.moviestatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmdbClientFaultTest {

  private static final String PAGE_1 = Fixtures.read("discover_movie_page1.json");

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
  void invalidApiKeyFailsAtOnceWithTmdbsMessage() {
    server.enqueue(Fixtures.json(401, Fixtures.read("error_401.json")));
    server.enqueue(Fixtures.json(PAGE_1));

    TmdbApiException error;
    try (TmdbClient client = TestClients.apiKey(server).maxAttempts(5).build()) {
      error = catchThrowableOfType(TmdbApiException.class, () -> client.discoverTopMovies(20));
    }

    assertThat(error).as("typed error").isNotNull();
    assertThat(error.httpStatus()).as("HTTP status").isEqualTo(401);
    assertThat(error.tmdbStatusCode()).as("TMDB status_code").isEqualTo(7);
    assertThat(error.isRetryable()).as("401 retryable").isFalse();
    assertThat(error.getMessage())
        .as("message")
        .isEqualTo(
            "TMDB rejected the credentials (status_code 7): "
                + "Invalid API key: You must be granted a valid key.");
    assertThat(server.getRequestCount()).as("no retry on 401").isEqualTo(1);
  }

  @Test
  void notFoundFailsAtOnceWithStatusCode34() {
    server.enqueue(Fixtures.json(404, Fixtures.read("error_404.json")));
    server.enqueue(Fixtures.json(Fixtures.read("genre_movie_list.json")));

    TmdbApiException error;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      error = catchThrowableOfType(TmdbApiException.class, client::genreList);
    }

    assertThat(error).as("typed error").isNotNull();
    assertThat(error.httpStatus()).as("HTTP status").isEqualTo(404);
    assertThat(error.tmdbStatusCode()).as("TMDB status_code").isEqualTo(34);
    assertThat(error.getMessage())
        .as("message")
        .isEqualTo(
            "TMDB resource not found (HTTP 404, status_code 34): "
                + "The resource you requested could not be found.");
    assertThat(server.getRequestCount()).as("no retry on 404").isEqualTo(1);
  }

  @Test
  void otherClientErrorIsNotRetried() {
    server.enqueue(
        Fixtures.json(
            422,
            "{\"success\":false,\"status_code\":22,"
                + "\"status_message\":\"Invalid page: Pages start at 1 and max at 500.\"}"));

    TmdbApiException error;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      error = catchThrowableOfType(TmdbApiException.class, () -> client.discoverTopMovies(20));
    }

    assertThat(error.getMessage())
        .as("message")
        .isEqualTo(
            "TMDB request failed (HTTP 422, status_code 22): "
                + "Invalid page: Pages start at 1 and max at 500.");
    assertThat(server.getRequestCount()).as("no retry on 4xx").isEqualTo(1);
  }

  @Test
  void tooManyRequestsWithRetryAfterWaitsThatLongThenSucceeds() throws Exception {
    server.enqueue(
        Fixtures.json(429, Fixtures.read("error_429.json")).setHeader("Retry-After", "1"));
    server.enqueue(Fixtures.json(PAGE_1));

    long start = System.nanoTime();
    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      snapshot = client.discoverTopMovies(20);
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(snapshot.movies()).as("movies after the retry").isEqualTo(20);
    assertThat(server.getRequestCount()).as("requests").isEqualTo(2);
    assertThat(elapsedMillis)
        .as("waited Retry-After (1 s), not the 1 ms test backoff")
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void serverErrorTwiceThenSuccessIsRetriedTransparently() {
    server.enqueue(Fixtures.json(500, Fixtures.read("error_500.json")));
    server.enqueue(Fixtures.json(503, "<html><body>Service Unavailable</body></html>"));
    server.enqueue(Fixtures.json(PAGE_1));

    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).maxAttempts(3).build()) {
      snapshot = client.discoverTopMovies(20);
    }

    assertThat(snapshot.pages().get(0).body()).as("third answer").isEqualTo(PAGE_1);
    assertThat(server.getRequestCount()).as("requests").isEqualTo(3);
  }

  @Test
  void persistentServerErrorFailsAfterTheConfiguredAttempts() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(Fixtures.json(500, Fixtures.read("error_500.json")));
    }

    TmdbUnavailableException error;
    try (TmdbClient client = TestClients.bearer(server).maxAttempts(4).build()) {
      error =
          catchThrowableOfType(TmdbUnavailableException.class, () -> client.discoverTopMovies(20));
    }

    assertThat(error).as("typed error").isNotNull();
    assertThat(error.attempts()).as("attempts").isEqualTo(4);
    assertThat(server.getRequestCount()).as("requests sent").isEqualTo(4);
    assertThat(error.getMessage())
        .as("message")
        .isEqualTo(
            "TMDB API unreachable after 4 attempts: TMDB request failed (HTTP 500, status_code 11):"
                + " Internal error: Something went wrong, contact TMDB. (discover/movie page 1)");
    assertThat(error.getCause())
        .as("last failure")
        .isInstanceOfSatisfying(
            TmdbApiException.class,
            cause -> assertThat(cause.httpStatus()).as("cause status").isEqualTo(500));
  }

  @Test
  void slowResponseTimesOutAndFailsAfterTheConfiguredAttempts() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(Fixtures.json(PAGE_1).setHeadersDelay(1500, TimeUnit.MILLISECONDS));
    }

    long start = System.nanoTime();
    TmdbUnavailableException error;
    try (TmdbClient client =
        TestClients.bearer(server).readTimeout(Duration.ofMillis(200)).maxAttempts(2).build()) {
      error =
          catchThrowableOfType(TmdbUnavailableException.class, () -> client.discoverTopMovies(20));
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(error).as("typed error").isNotNull();
    assertThat(error.getMessage())
        .as("message")
        .startsWith("TMDB API unreachable after 2 attempts: SocketTimeoutException");
    assertThat(error.getCause()).as("cause").isInstanceOf(SocketTimeoutException.class);
    assertThat(elapsedMillis).as("two 200 ms read timeouts, not the 1.5 s delay").isLessThan(1400);
  }

  @Test
  void connectionCutMidBodyIsRetried() {
    server.enqueue(
        Fixtures.json(PAGE_1).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(Fixtures.json(PAGE_1));

    DiscoverSnapshot snapshot;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      snapshot = client.discoverTopMovies(20);
    }

    assertThat(snapshot.pages().get(0).body()).as("complete body").isEqualTo(PAGE_1);
    assertThat(server.getRequestCount()).as("requests").isEqualTo(2);
  }

  @Test
  void truncatedJsonIsAnErrorNeverAnEmptyPage() {
    server.enqueue(Fixtures.json(PAGE_1.substring(0, PAGE_1.length() / 2)));

    TmdbMalformedResponseException error;
    try (TmdbClient client = TestClients.bearer(server).build()) {
      error =
          catchThrowableOfType(
              TmdbMalformedResponseException.class, () -> client.discoverTopMovies(20));
    }

    assertThat(error).as("typed error").isNotNull();
    assertThat(error.getMessage())
        .as("message")
        .startsWith("TMDB returned a malformed discover/movie page 1 response (HTTP 200");
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
  }

  @Test
  void bodyWithoutResultsIsAnError() {
    server.enqueue(Fixtures.json("{\"page\":1,\"total_pages\":1,\"total_results\":0}"));
    server.enqueue(Fixtures.json("[]"));

    try (TmdbClient client = TestClients.bearer(server).build()) {
      assertThat(
              catchThrowableOfType(
                  TmdbMalformedResponseException.class, () -> client.discoverTopMovies(20)))
          .as("no results array")
          .hasMessageContaining("no \"results\" array");
      assertThat(
              catchThrowableOfType(
                  TmdbMalformedResponseException.class, () -> client.discoverTopMovies(20)))
          .as("not an object")
          .hasMessageContaining("expected a JSON object");
    }
  }

  @Test
  void trailingGarbageAfterTheJsonIsAnError() {
    server.enqueue(Fixtures.json(PAGE_1 + "}"));

    try (TmdbClient client = TestClients.bearer(server).build()) {
      assertThat(
              catchThrowableOfType(
                  TmdbMalformedResponseException.class, () -> client.discoverTopMovies(20)))
          .as("extra brace")
          .isNotNull();
    }
  }

  @Test
  void failureOnALaterPageFailsTheWholeSnapshot() {
    server.setDispatcher(
        new TmdbDispatcher(
            page ->
                page == 3
                    ? Fixtures.json(500, Fixtures.read("error_500.json"))
                    : Fixtures.json(Fixtures.discoverPage(page, 500)),
            0));

    try (TmdbClient client = TestClients.bearer(server).maxAttempts(2).build()) {
      TmdbUnavailableException error =
          catchThrowableOfType(
              TmdbUnavailableException.class, () -> client.discoverTopMovies(5 * 20));
      assertThat(error).as("typed error").isNotNull();
      assertThat(error.getMessage()).as("names the page").endsWith("(discover/movie page 3)");
    }
  }

  @Test
  void unreachableServerFailsAfterTheConfiguredAttempts() throws IOException {
    String deadUrl = server.url("/3/").toString();
    server.shutdown();

    try (TmdbClient client =
        TmdbClient.builder()
            .baseUrl(deadUrl)
            .credential(TmdbCredential.bearer(TestClients.TOKEN))
            .maxAttempts(3)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .connectTimeout(Duration.ofMillis(500))
            .build()) {
      TmdbUnavailableException error =
          catchThrowableOfType(TmdbUnavailableException.class, client::genreList);
      assertThat(error).as("typed error").isNotNull();
      assertThat(error.getMessage())
          .as("message")
          .startsWith("TMDB API unreachable after 3 attempts: ConnectException");
    }
    server = new MockWebServer(); // for @AfterEach
  }

  @Test
  void errorBodyThatIsNotTmdbJsonStillGivesATypedError() {
    server.enqueue(new MockResponse().setResponseCode(403).setBody("Forbidden"));

    try (TmdbClient client = TestClients.bearer(server).build()) {
      TmdbApiException error = catchThrowableOfType(TmdbApiException.class, client::genreList);
      assertThat(error.tmdbStatusCode()).as("no TMDB code").isEqualTo(-1);
      assertThat(error.getMessage())
          .as("message")
          .isEqualTo("TMDB request failed (HTTP 403): Forbidden");
    }
  }
}
