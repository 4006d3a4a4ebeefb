package io.moviestatus.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bronze contract: raw TMDB responses kept losslessly, one JSON-lines file per snapshot date.
 *
 * <p>Layout under the lake root:
 *
 * <pre>
 * bronze/tmdb/discover_movie/2026/11/2026-11-25.jsonl     one line per fetched discover page
 * bronze/tmdb/genre_movie_list/2026/11/2026-11-25.jsonl   one line (the genre list)
 * </pre>
 *
 * <p>Every line is an <em>envelope</em>: the HTTP response body exactly as received (a JSON string,
 * so nothing is re-encoded) plus the fetch metadata:
 *
 * <pre>{@code
 * {"endpoint":"discover/movie","snapshot_date":"2026-11-25","fetched_at":"2026-11-25T05:00:01.120Z",
 *  "request":{"sort_by":"popularity.desc","include_adult":"false","include_video":"false",
 *             "language":"en-US","page":"1"},
 *  "page":1,"top_n":40,"http_status":200,"body":"{\"page\":1,\"results\":[...],...}"}
 * }</pre>
 *
 * <p>Writers ({@code movie-ingest}) produce it; readers ({@code movie-transform}) parse it with
 * {@link BronzeSchemas#ENVELOPE_SCHEMA} and the body schemas there, never with schema inference.
 * This class needs no Spark on the classpath.
 */
public final class BronzeContract {

  /** Envelope field: TMDB endpoint path relative to the API root, e.g. {@code discover/movie}. */
  public static final String ENDPOINT = "endpoint";

  /** Envelope field: the snapshot date (ISO {@code yyyy-MM-dd}) the response belongs to. */
  public static final String SNAPSHOT_DATE = "snapshot_date";

  /** Envelope field: ISO-8601 instant at which the response was received. */
  public static final String FETCHED_AT = "fetched_at";

  /** Envelope field: request query parameters (credential never included). */
  public static final String REQUEST = "request";

  /** Envelope field: page number for paged endpoints, null otherwise. */
  public static final String PAGE = "page";

  /** Envelope field: the number of movies the snapshot asked for (discover only). */
  public static final String TOP_N = "top_n";

  /** Envelope field: HTTP status code of the response. */
  public static final String HTTP_STATUS = "http_status";

  /** Envelope field: the response body exactly as received. */
  public static final String BODY = "body";

  /** The two TMDB sources kept in bronze. */
  public enum Source {
    DISCOVER_MOVIE("discover/movie", "discover_movie"),
    GENRE_MOVIE_LIST("genre/movie/list", "genre_movie_list");

    private final String endpoint;
    private final String folder;

    Source(String endpoint, String folder) {
      this.endpoint = endpoint;
      this.folder = folder;
    }

    /** The TMDB endpoint path relative to {@code /3/}. */
    public String endpoint() {
      return endpoint;
    }

    /** The folder under {@code bronze/tmdb/}. */
    public String folder() {
      return folder;
    }
  }

  /** File extension of bronze snapshot files. */
  public static final String FILE_EXTENSION = ".jsonl";

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final Pattern FILE_NAME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})" + Pattern.quote(FILE_EXTENSION));

  private BronzeContract() {}

  /** The folder holding all snapshot files of a source: {@code <lake>/bronze/tmdb/<source>}. */
  public static String sourceRoot(LakeLayout lake, Source source) {
    requireNonNull(lake, "lake is null");
    requireNonNull(source, "source is null");
    return lake.bronze() + "/tmdb/" + source.folder();
  }

  /** {@code <lake>/bronze/tmdb/<source>/<yyyy>/<MM>/<yyyy-MM-dd>.jsonl}. */
  public static String snapshotPath(LakeLayout lake, Source source, LocalDate date) {
    requireNonNull(date, "date is null");
    return String.format(
        "%s/%04d/%02d/%s%s",
        sourceRoot(lake, source),
        date.getYear(),
        date.getMonthValue(),
        ISO.format(date),
        FILE_EXTENSION);
  }

  /**
   * The snapshot date a bronze file name stands for, or empty when the name is not a snapshot file
   * (for example a writer's temporary file).
   */
  public static Optional<LocalDate> snapshotDateOf(String fileName) {
    requireNonNull(fileName, "fileName is null");
    Matcher matcher = FILE_NAME.matcher(fileName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(matcher.group(1), ISO));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
