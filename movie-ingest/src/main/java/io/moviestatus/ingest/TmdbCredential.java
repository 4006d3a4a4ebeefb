package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

/**
 * A TMDB credential: a v4 read-access token (sent as {@code Authorization: Bearer …}) or a v3 API
 * key (sent as the {@code api_key} query parameter).
 *
 * <p>The secret is never exposed: {@link #toString()} is redacted and there is no public accessor.
 */
public final class TmdbCredential {

  enum Kind {
    BEARER,
    API_KEY
  }

  private final Kind kind;
  private final String secret;

  private TmdbCredential(Kind kind, String secret) {
    this.kind = kind;
    this.secret = secret;
  }

  /** A v4 read-access token, sent as {@code Authorization: Bearer <token>}. */
  public static TmdbCredential bearer(String token) {
    return new TmdbCredential(Kind.BEARER, validated(token, "bearer token"));
  }

  /** A v3 API key, sent as the {@code api_key} query parameter. */
  public static TmdbCredential apiKey(String key) {
    return new TmdbCredential(Kind.API_KEY, validated(key, "API key"));
  }

  private static String validated(String secret, String what) {
    requireNonNull(secret, "TMDB " + what + " is null");
    String trimmed = secret.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("TMDB " + what + " is blank");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        // Never echo the value: it is a secret.
        throw new IllegalArgumentException(
            "TMDB "
                + what
                + " contains a character that is not printable ASCII (position "
                + i
                + ")");
      }
    }
    return trimmed;
  }

  Kind kind() {
    return kind;
  }

  String secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "TmdbCredential[" + (kind == Kind.BEARER ? "bearer" : "api_key") + ", ****]";
  }
}
