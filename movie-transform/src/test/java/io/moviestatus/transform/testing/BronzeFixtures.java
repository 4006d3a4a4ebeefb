package io.moviestatus.transform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes TMDB-shaped bronze files (envelopes around raw response bodies) for tests. */
public final class BronzeFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BronzeFixtures() {}

  /** A discover result object in TMDB's format. */
  public static Map<String, Object> movie(
      int id,
      String title,
      double popularity,
      double voteAverage,
      int voteCount,
      Integer... genres) {
    Map<String, Object> movie = new LinkedHashMap<>();
    movie.put("adult", false);
    movie.put("backdrop_path", "/b" + id + ".jpg");
    movie.put("genre_ids", Arrays.asList(genres));
    movie.put("id", id);
    movie.put("original_language", "en");
    movie.put("original_title", title);
    movie.put("overview", "Overview of " + title);
    movie.put("popularity", popularity);
    movie.put("poster_path", "/p" + id + ".jpg");
    movie.put("release_date", "2026-01-01");
    movie.put("title", title);
    movie.put("video", false);
    movie.put("vote_average", voteAverage);
    movie.put("vote_count", voteCount);
    return movie;
  }

  /** A discover page body exactly as TMDB returns it. */
  public static String discoverBody(int page, int totalPages, List<Map<String, Object>> results) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("page", page);
    body.put("results", results);
    body.put("total_pages", totalPages);
    body.put("total_results", totalPages * 20);
    return json(body);
  }

  /** One envelope line. */
  public static String envelope(
      Source source, String snapshotDate, Integer page, Integer topN, String body) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put(BronzeContract.ENDPOINT, source.endpoint());
    envelope.put(BronzeContract.SNAPSHOT_DATE, snapshotDate);
    envelope.put(BronzeContract.FETCHED_AT, snapshotDate + "T05:00:00Z");
    Map<String, String> request = new LinkedHashMap<>();
    if (page != null) {
      request.put("sort_by", "popularity.desc");
      request.put("page", String.valueOf(page));
    }
    request.put("language", "en-US");
    envelope.put(BronzeContract.REQUEST, request);
    envelope.put(BronzeContract.PAGE, page);
    envelope.put(BronzeContract.TOP_N, topN);
    envelope.put(BronzeContract.HTTP_STATUS, 200);
    envelope.put(BronzeContract.BODY, body);
    return json(envelope);
  }

  /** Writes a day's discover snapshot: {@link #discoverLines} of the pages. */
  @SafeVarargs
  public static Path discover(Path lake, LocalDate date, List<Map<String, Object>>... pages) {
    return write(lake, Source.DISCOVER_MOVIE, date, discoverLines(date, pages));
  }

  /** A day's discover snapshot: one envelope per page of movies, top_n = all of them. */
  @SafeVarargs
  public static List<String> discoverLines(LocalDate date, List<Map<String, Object>>... pages) {
    int topN = Arrays.stream(pages).mapToInt(List::size).sum();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < pages.length; i++) {
      lines.add(
          envelope(
              Source.DISCOVER_MOVIE,
              date.toString(),
              i + 1,
              topN,
              discoverBody(i + 1, pages.length, pages[i])));
    }
    return lines;
  }

  /** Writes a day's genre list. */
  public static Path genres(Path lake, LocalDate date, Map<Integer, String> genres) {
    List<Map<String, Object>> list = new ArrayList<>();
    genres.forEach((id, name) -> list.add(Map.of("id", id, "name", name)));
    String body = json(Map.of("genres", list));
    return write(
        lake,
        Source.GENRE_MOVIE_LIST,
        date,
        List.of(envelope(Source.GENRE_MOVIE_LIST, date.toString(), null, null, body)));
  }

  /** Writes raw lines as a day's file of a source. */
  public static Path write(Path lake, Source source, LocalDate date, List<String> lines) {
    Path file = Path.of(BronzeContract.snapshotPath(LakeLayout.of(lake.toString()), source, date));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** One line of TMDB's daily ID export, keys in TMDB's order. */
  public static String exportLine(int id, String originalTitle, double popularity) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("adult", false);
    line.put("id", id);
    line.put("original_title", originalTitle);
    line.put("popularity", popularity);
    line.put("video", false);
    return json(line);
  }

  /**
   * Writes a day's daily ID export as the ingest lands it: the gzip file, then its metadata file
   * (which marks it complete).
   */
  public static Path export(Path lake, LocalDate date, List<String> lines) {
    Path file = exportWithoutMetadata(lake, date, lines);
    LakeLayout layout = LakeLayout.of(lake.toString());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put(BronzeContract.URL, "https://files.tmdb.org/p/exports/movie_ids.json.gz");
    meta.put(BronzeContract.SNAPSHOT_DATE, date.toString());
    meta.put(BronzeContract.FETCHED_AT, date + "T08:30:00Z");
    meta.put(BronzeContract.HTTP_STATUS, 200);
    meta.put(BronzeContract.LINES, lines.size());
    try {
      meta.put(BronzeContract.SIZE_BYTES, Files.size(file));
      Files.writeString(
          Path.of(layout.exportMetadataFile(date)), json(meta), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes only the gzip file of a day's export: an ingest still in flight. */
  public static Path exportWithoutMetadata(Path lake, LocalDate date, List<String> lines) {
    Path file = Path.of(LakeLayout.of(lake.toString()).exportFile(date));
    try {
      Files.createDirectories(file.getParent());
      try (java.io.Writer out =
          new java.io.OutputStreamWriter(
              new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)),
              StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
