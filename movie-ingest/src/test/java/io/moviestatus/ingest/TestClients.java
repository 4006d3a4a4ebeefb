package io.moviestatus.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.MockWebServer;

/** Clients against a local MockWebServer with tiny backoff, so fault tests stay fast. */
final class TestClients {

  static final Instant FETCHED_AT = Instant.parse("2026-11-25T05:00:01.120Z");
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.test-read-access-token.S3cr3tSignature";
  static final String API_KEY = "0123456789abcdef0123456789abcdef";

  private TestClients() {}

  static TmdbClient.Builder against(MockWebServer server, TmdbCredential credential) {
    return TmdbClient.builder()
        .baseUrl(server.url("/3/").toString())
        .credential(credential)
        .requestsPerSecond(1000)
        .maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .clock(Clock.fixed(FETCHED_AT, ZoneOffset.UTC));
  }

  static TmdbClient.Builder bearer(MockWebServer server) {
    return against(server, TmdbCredential.bearer(TOKEN));
  }

  static TmdbClient.Builder apiKey(MockWebServer server) {
    return against(server, TmdbCredential.apiKey(API_KEY));
  }
}
