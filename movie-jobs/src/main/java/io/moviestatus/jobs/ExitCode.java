package io.moviestatus.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the job runners and of {@code bin/movie-status}, each with its one-line
 * meaning: the one list, from which the launcher's {@code --help} is generated and against which a
 * test checks the README's table. {@link Jobs#exitCode} maps failures to them.
 */
public enum ExitCode {
  /** The job ran to its end. */
  OK(0, "success"),

  /** A bug, the lake not writable, …: any failure not listed below. */
  FAILED(1, "unexpected failure (a bug, the lake not writable, …)"),

  /**
   * Picocli's parse errors, every builder's {@link IllegalArgumentException} and {@code
   * PseudonymKeyMismatchException}.
   */
  USAGE(
      2,
      "usage error or bad argument (unknown option, bad date, `--from` after `--to`, missing"
          + " credential, a `RATINGS_HMAC_KEY` other than the one `ratings_fact` was built with,"
          + " SQL that does not parse or names no table, …)"),

  /** {@code TmdbApiException} with HTTP 401 or 403. */
  CREDENTIAL_REJECTED(3, "TMDB rejected the credential (HTTP 401/403)"),

  /** {@code TmdbUnavailableException}. */
  UPSTREAM_UNAVAILABLE(4, "TMDB unavailable after every retry"),

  /** {@code BadInputException}. */
  BAD_INPUT(
      5,
      "bad input data beyond the quarantine's scope, e.g. a ratings file that is neither CSV nor"
          + " JSON lines"),

  /** {@code TmdbExportNotPublishedException}. */
  EXPORT_NOT_PUBLISHED(
      6,
      "`ingest --source export` only: the day's TMDB daily ID export is not published yet (HTTP"
          + " 404/403; TMDB publishes by 08:00 UTC) — nothing was written, run again later"),

  /** {@code MissingPrerequisiteException}. */
  MISSING_PREREQUISITE(
      7,
      "a prerequisite is missing: no lake at the given path, or an earlier stage has not run yet"
          + " (`gold` before `silver`, `report` before `gold`, `recommend` before any ratings)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }

  /** What it means, in one line. */
  public String meaning() {
    return meaning;
  }

  /** Code → meaning of every exit code in order, as picocli's usage help lists them. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      list.put(String.valueOf(exit.code), exit.meaning);
    }
    return list;
  }
}
