package io.moviestatus.ingest;

import java.util.List;

/**
 * The top N popular movies as fetched.
 *
 * @param topN the number of movies asked for
 * @param pages every page response, in page order, as received (for bronze)
 * @param movies the parsed view: movies ranked 1..topN, each kept once at its best rank, in rank
 *     order (a movie TMDB repeated across pages makes this shorter than topN)
 */
public record DiscoverSnapshot(int topN, List<TmdbResponse> pages, List<DiscoverMovie> movies) {

  public DiscoverSnapshot {
    pages = List.copyOf(pages);
    movies = List.copyOf(movies);
  }
}
