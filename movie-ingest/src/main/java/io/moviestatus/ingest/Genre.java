package io.moviestatus.ingest;

/** One TMDB movie genre. */
public record Genre(long id, String name) {}
