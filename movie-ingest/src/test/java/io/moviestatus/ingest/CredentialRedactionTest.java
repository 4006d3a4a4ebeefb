package io.moviestatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialRedactionTest {

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

  /** Successes, retries, a timeout, a 401 and a malformed body: every path that logs or throws. */
  private List<Throwable> runEveryPath(TmdbClient.Builder builder) {
    String page1 = Fixtures.read("discover_movie_page1.json");
    server.enqueue(Fixtures.json(500, Fixtures.read("error_500.json")));
    server.enqueue(Fixtures.json(page1));
    server.enqueue(
        Fixtures.json(429, Fixtures.read("error_429.json")).setHeader("Retry-After", "0"));
    server.enqueue(Fixtures.json(Fixtures.read("genre_movie_list.json")));
    server.enqueue(Fixtures.json(page1).setHeadersDelay(800, TimeUnit.MILLISECONDS));
    server.enqueue(Fixtures.json(page1).setHeadersDelay(800, TimeUnit.MILLISECONDS));
    server.enqueue(Fixtures.json(401, Fixtures.read("error_401.json")));
    server.enqueue(Fixtures.json(page1.substring(0, 100)));
    for (int i = 0; i < 2; i++) {
      server.enqueue(Fixtures.json(503, "upstream said: api_key=" + TestClients.API_KEY));
    }

    List<Throwable> errors = new ArrayList<>();
    try (TmdbClient client = builder.maxAttempts(2).readTimeout(Duration.ofMillis(200)).build()) {
      client.discoverTopMovies(20);
      client.genreList();
      errors.add(catchThrowable(() -> client.discoverTopMovies(20)));
      errors.add(catchThrowable(() -> client.discoverTopMovies(20)));
      errors.add(catchThrowable(() -> client.discoverTopMovies(20)));
      errors.add(catchThrowable(client::genreList));
      assertThat(client.toString()).as("client toString").doesNotContain(secretsOf());
    }
    assertThat(errors).as("every failing call failed").doesNotContainNull();
    return errors;
  }

  private static String[] secretsOf() {
    return new String[] {TestClients.API_KEY, TestClients.TOKEN};
  }

  @Test
  void apiKeyNeverAppearsInLogLinesOrExceptions() {
    List<Throwable> errors;
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      errors = runEveryPath(TestClients.apiKey(server));
      lines = logs.lines();
    }

    assertThat(lines)
        .as("captured log lines (the check below is not vacuous)")
        .anyMatch(line -> line.contains("api_key=" + Redactor.MASK))
        .anyMatch(line -> line.contains("retrying"));
    assertThat(lines)
        .as("log lines")
        .allSatisfy(line -> assertThat(line).doesNotContain(TestClients.API_KEY));
    for (Throwable error : errors) {
      assertThat(LogCapture.stackTrace(error))
          .as("message, causes and stack trace of " + error.getClass().getSimpleName())
          .doesNotContain(TestClients.API_KEY);
    }
    assertThat(errors.get(3).getMessage())
        .as("a body echoing the key is redacted")
        .contains("api_key=" + Redactor.MASK);
  }

  @Test
  void bearerTokenNeverAppearsInLogLinesOrExceptions() {
    List<Throwable> errors;
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      errors = runEveryPath(TestClients.bearer(server));
      lines = logs.lines();
    }

    assertThat(lines).as("captured log lines").isNotEmpty();
    assertThat(lines)
        .as("log lines")
        .allSatisfy(line -> assertThat(line).doesNotContain(secretsOf()));
    for (Throwable error : errors) {
      assertThat(LogCapture.stackTrace(error))
          .as("message, causes and stack trace of " + error.getClass().getSimpleName())
          .doesNotContain(secretsOf());
    }
  }

  @Test
  void credentialToStringIsRedacted() {
    assertThat(TmdbCredential.bearer(TestClients.TOKEN).toString())
        .as("bearer")
        .isEqualTo("TmdbCredential[bearer, ****]");
    assertThat(TmdbCredential.apiKey(TestClients.API_KEY).toString())
        .as("api key")
        .isEqualTo("TmdbCredential[api_key, ****]");
  }

  @Test
  void invalidCredentialIsRejectedWithoutEchoingIt() {
    Throwable error = catchThrowable(() -> TmdbCredential.bearer("abc\ndef-secret"));
    assertThat(error).as("rejected").isInstanceOf(IllegalArgumentException.class);
    assertThat(error.getMessage()).as("message").doesNotContain("def-secret");
  }

  @Test
  void redactorMasksKeyParametersBearerTokensAndTheSecret() {
    Redactor redactor = new Redactor("s3cr3t");
    assertThat(redactor.redact("GET http://h/3/x?page=1&api_key=abc123&language=en"))
        .as("api_key param")
        .isEqualTo("GET http://h/3/x?page=1&api_key=***&language=en");
    assertThat(redactor.redact("Authorization: Bearer abc.def.ghi"))
        .as("bearer")
        .isEqualTo("Authorization: Bearer ***");
    assertThat(redactor.redact("token s3cr3t here")).as("secret").isEqualTo("token *** here");
  }
}
