package io.moviestatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** One settings record behind both TMDB clients: the same checks, each client its defaults. */
class TmdbHttpSettingsTest {

  @Test
  void eachClientStartsFromItsOwnDefaults() {
    assertThat(TmdbHttpSettings.API)
        .as("API client")
        .isEqualTo(
            new TmdbHttpSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(30)));
    assertThat(TmdbHttpSettings.EXPORT)
        .as("export download")
        .isEqualTo(
            new TmdbHttpSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60)));
  }

  @Test
  void bothBuildersRejectTheSameSettingsWithTheSameMessage() {
    assertThatThrownBy(() -> TmdbClient.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be >= 1, got 0");
    assertThatThrownBy(() -> ExportIngestion.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be >= 1, got 0");
    assertThatThrownBy(() -> TmdbClient.builder().readTimeout(Duration.ZERO))
        .hasMessage("readTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> ExportIngestion.builder().connectTimeout(Duration.ofSeconds(-1)))
        .hasMessage("connectTimeout must be positive, got PT-1S");
    assertThatThrownBy(
            () -> ExportIngestion.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("backoff base must be less than backoff max");
    assertThatThrownBy(() -> TmdbClient.builder().baseUrl("ftp://x/?api_key=secret"))
        .hasMessage("TMDB base URL is not an http(s) URL: ftp://x/?api_key=***");
    assertThatThrownBy(() -> ExportIngestion.builder().baseUrl("files.tmdb.org"))
        .hasMessage("TMDB export base URL is not an http(s) URL: files.tmdb.org");
  }

  @Test
  void theOkHttpClientHasTheTimeoutsAndLeavesRetriesToThePolicy() {
    TmdbHttpSettings settings =
        TmdbHttpSettings.API
            .withConnectTimeout(Duration.ofSeconds(3))
            .withReadTimeout(Duration.ofSeconds(7));

    OkHttpClient http = settings.client().build();
    try {
      assertThat(http.connectTimeoutMillis()).isEqualTo(3_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(7_000);
      assertThat(http.writeTimeoutMillis()).as("write as read").isEqualTo(7_000);
      assertThat(http.retryOnConnectionFailure()).as("OkHttp's own retries").isFalse();
      assertThat(
              settings
                  .withMaxAttempts(2)
                  .retryPolicy(new TmdbErrors(new Redactor(null), Clock.systemUTC()))
                  .maxAttempts())
          .isEqualTo(2);
    } finally {
      TmdbHttpSettings.shutdown(http);
    }
  }
}
