package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * One day's TMDB ingest: the discover snapshot and the genre list, fetched in full first, then each
 * written to bronze atomically. A failed fetch writes nothing, so the date's earlier files stay
 * intact; running a date again replaces its files.
 */
public final class Ingestion {

  /** Movies per snapshot unless told otherwise (as the original pipeline). */
  public static final int DEFAULT_TOP_N = 40;

  private final TmdbClient client;
  private final BronzeWriter writer;
  private final LakeLayout lake;

  public Ingestion(TmdbClient client, BronzeWriter writer, LakeLayout lake) {
    this.client = requireNonNull(client, "client is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** {@link #ingest(LocalDate, int, ProgressListener)} without progress reports. */
  public IngestResult ingest(LocalDate date, int topN) throws IOException {
    return ingest(date, topN, ProgressListener.NONE);
  }

  /**
   * Fetches the top {@code topN} discover snapshot and the genre list, then writes both bronze
   * files for {@code date}.
   *
   * @throws TmdbException when TMDB fails (nothing is written)
   * @throws IOException when the lake cannot be written
   */
  public IngestResult ingest(LocalDate date, int topN, ProgressListener progress)
      throws IOException {
    requireNonNull(date, "date is null");
    requireNonNull(progress, "progress is null");
    DiscoverSnapshot snapshot = client.discoverTopMovies(topN, progress);
    GenreList genres = client.genreList();

    List<BronzeEnvelope> pages =
        snapshot.pages().stream().map(page -> BronzeEnvelope.discover(page, date, topN)).toList();
    String discoverPath = writer.write(lake, Source.DISCOVER_MOVIE, date, pages);
    String genrePath =
        writer.write(
            lake,
            Source.GENRE_MOVIE_LIST,
            date,
            List.of(BronzeEnvelope.genreList(genres.response(), date)));
    return new IngestResult(
        date,
        topN,
        pages.size(),
        snapshot.movies(),
        genres.genres().size(),
        discoverPath,
        genrePath);
  }
}
