package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okhttp3.mockwebserver.MockResponse;

/** TMDB-format fixtures: recorded-style files under {@code tmdb/} and generated pages. */
public final class Fixtures {

  private Fixtures() {}

  /** A fixture file of {@code src/test/resources/tmdb}, exactly as stored. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/tmdb/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture tmdb/" + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 JSON response with {@code body}. */
  public static MockResponse json(String body) {
    return json(200, body);
  }

  /** A JSON response with {@code status} and {@code body}. */
  public static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json;charset=utf-8")
        .setBody(body);
  }

  /**
   * A discover page in TMDB's format with 20 distinct movies (ids {@code page * 1000 + i}), as TMDB
   * serves it.
   */
  public static String discoverPage(int page, int totalPages) {
    JsonArray results = new JsonArray();
    for (int i = 0; i < TmdbClient.PAGE_SIZE; i++) {
      long id = page * 1000L + i;
      JsonObject movie = new JsonObject();
      movie.addProperty("adult", false);
      movie.addProperty("backdrop_path", "/bd" + id + ".jpg");
      JsonArray genres = new JsonArray();
      genres.add(28);
      genres.add(12);
      movie.add("genre_ids", genres);
      movie.addProperty("id", id);
      movie.addProperty("original_language", "en");
      movie.addProperty("original_title", "Movie " + id);
      movie.addProperty("overview", "Overview of movie " + id + ".");
      movie.addProperty("popularity", 10_000.0 / (page * 20 + i));
      movie.addProperty("poster_path", "/p" + id + ".jpg");
      movie.addProperty("release_date", "2024-10-01");
      movie.addProperty("title", "Movie " + id);
      movie.addProperty("video", false);
      movie.addProperty("vote_average", 7.1);
      movie.addProperty("vote_count", 100 + i);
      results.add(movie);
    }
    JsonObject body = new JsonObject();
    body.addProperty("page", page);
    body.add("results", results);
    body.addProperty("total_pages", totalPages);
    body.addProperty("total_results", totalPages * TmdbClient.PAGE_SIZE);
    return body.toString();
  }
}
