package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a bronze file (see {@link BronzeContract}): a TMDB response body exactly as received
 * plus its fetch metadata.
 *
 * @param endpoint TMDB endpoint, e.g. {@code discover/movie}
 * @param snapshotDate the snapshot date the response belongs to
 * @param fetchedAt when the response was received
 * @param request query parameters sent (never the credential)
 * @param page page number for discover, null for the genre list
 * @param topN movies asked for (discover), null for the genre list
 * @param httpStatus HTTP status of the response
 * @param body the body as received
 */
public record BronzeEnvelope(
    String endpoint,
    LocalDate snapshotDate,
    Instant fetchedAt,
    Map<String, String> request,
    Integer page,
    Integer topN,
    int httpStatus,
    String body) {

  public BronzeEnvelope {
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(snapshotDate, "snapshotDate is null");
    requireNonNull(fetchedAt, "fetchedAt is null");
    requireNonNull(request, "request is null");
    requireNonNull(body, "body is null");
    request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
  }

  /** The envelope of one discover page of a top-{@code topN} snapshot. */
  public static BronzeEnvelope discover(TmdbResponse response, LocalDate snapshotDate, int topN) {
    requireEndpoint(response, Source.DISCOVER_MOVIE);
    return new BronzeEnvelope(
        response.endpoint(),
        snapshotDate,
        response.fetchedAt(),
        response.request(),
        response.page(),
        topN,
        response.httpStatus(),
        response.body());
  }

  /** The envelope of the genre list. */
  public static BronzeEnvelope genreList(TmdbResponse response, LocalDate snapshotDate) {
    requireEndpoint(response, Source.GENRE_MOVIE_LIST);
    return new BronzeEnvelope(
        response.endpoint(),
        snapshotDate,
        response.fetchedAt(),
        response.request(),
        null,
        null,
        response.httpStatus(),
        response.body());
  }

  private static void requireEndpoint(TmdbResponse response, Source source) {
    requireNonNull(response, "response is null");
    if (!source.endpoint().equals(response.endpoint())) {
      throw new IllegalArgumentException(
          "expected a " + source.endpoint() + " response, got " + response.endpoint());
    }
  }

  /**
   * The envelope as one line of JSON (no line break inside: control characters in the body are
   * escaped), fields in the contract's order, nulls written.
   */
  public String toJsonLine() {
    StringWriter out = new StringWriter(body.length() + 512);
    try (JsonWriter json = new JsonWriter(out)) {
      json.setSerializeNulls(true);
      json.setHtmlSafe(false);
      json.beginObject();
      json.name(BronzeContract.ENDPOINT).value(endpoint);
      json.name(BronzeContract.SNAPSHOT_DATE).value(snapshotDate.toString());
      json.name(BronzeContract.FETCHED_AT).value(fetchedAt.toString());
      json.name(BronzeContract.REQUEST).beginObject();
      for (Map.Entry<String, String> parameter : request.entrySet()) {
        json.name(parameter.getKey()).value(parameter.getValue());
      }
      json.endObject();
      json.name(BronzeContract.PAGE).value(page);
      json.name(BronzeContract.TOP_N).value(topN);
      json.name(BronzeContract.HTTP_STATUS).value(httpStatus);
      json.name(BronzeContract.BODY).value(body);
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
