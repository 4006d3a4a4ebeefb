package io.moviestatus.ingest;

import java.util.List;

/**
 * The top N popular movies as fetched: the raw pages, for bronze, and their counts. Which movie
 * holds which rank (a movie TMDB repeats across pages keeps its best one) is decided in silver.
 *
 * @param topN the number of movies asked for
 * @param pages every page response, in page order, as received
 * @param results the results listed within the top N (at most topN; fewer if TMDB has fewer)
 * @param movies the distinct movie ids among those results (a movie TMDB repeated across pages
 *     counts once, so this can be less than {@code results})
 */
public record DiscoverSnapshot(int topN, List<TmdbResponse> pages, int results, int movies) {

  public DiscoverSnapshot {
    pages = List.copyOf(pages);
  }
}
