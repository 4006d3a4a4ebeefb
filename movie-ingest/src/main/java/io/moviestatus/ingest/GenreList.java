package io.moviestatus.ingest;

import java.util.List;

/**
 * TMDB's movie genre list.
 *
 * @param response the response as received (for bronze)
 * @param genres the parsed genres
 */
public record GenreList(TmdbResponse response, List<Genre> genres) {

  public GenreList {
    genres = List.copyOf(genres);
  }
}
