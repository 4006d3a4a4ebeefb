package io.moviestatus.ingest;

import java.time.LocalDate;

/**
 * What one ingest wrote.
 *
 * @param date the snapshot date
 * @param topN movies asked for
 * @param pages discover pages fetched and written
 * @param movies distinct movies in the snapshot
 * @param genres genres in the genre list
 * @param discoverPath the discover bronze file
 * @param genrePath the genre-list bronze file
 */
public record IngestResult(
    LocalDate date,
    int topN,
    int pages,
    int movies,
    int genres,
    String discoverPath,
    String genrePath) {}
