package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One successful TMDB response, kept losslessly for bronze.
 *
 * @param endpoint TMDB endpoint path relative to {@code /3/}, e.g. {@code discover/movie}
 * @param request the query parameters sent, in order, as strings (never the credential)
 * @param page the page number for paged endpoints, null otherwise
 * @param httpStatus the HTTP status (2xx)
 * @param fetchedAt when the response was received
 * @param body the response body exactly as received
 */
public record TmdbResponse(
    String endpoint,
    Map<String, String> request,
    Integer page,
    int httpStatus,
    Instant fetchedAt,
    String body) {

  public TmdbResponse {
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(request, "request is null");
    requireNonNull(fetchedAt, "fetchedAt is null");
    requireNonNull(body, "body is null");
    request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
  }
}
