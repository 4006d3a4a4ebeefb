package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * TMDB's daily ID export for a date is not there (HTTP 404 or 403): not published yet (TMDB
 * publishes each day's file by 08:00 UTC) or no longer kept (about three months). Not retried;
 * nothing is written.
 */
public final class TmdbExportNotPublishedException extends TmdbException {
  private static final long serialVersionUID = 1L;

  private final LocalDate date;
  private final String url;
  private final int httpStatus;

  public TmdbExportNotPublishedException(LocalDate date, String url, int httpStatus) {
    super(
        "TMDB daily ID export for "
            + requireNonNull(date, "date is null")
            + " is not published (HTTP "
            + httpStatus
            + " for "
            + requireNonNull(url, "url is null")
            + "): TMDB publishes each day's export by 08:00 UTC and keeps it about 3 months");
    this.date = date;
    this.url = url;
    this.httpStatus = httpStatus;
  }

  /** The export date asked for. */
  public LocalDate date() {
    return date;
  }

  /** The URL that answered 404/403. */
  public String url() {
    return url;
  }

  /** 404 or 403. */
  public int httpStatus() {
    return httpStatus;
  }
}
