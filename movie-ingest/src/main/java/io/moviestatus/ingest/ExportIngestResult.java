package io.moviestatus.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one export ingest landed in bronze (the same values as the metadata file beside the export).
 *
 * @param date the export's date
 * @param url where it was downloaded from
 * @param httpStatus HTTP status of the successful response
 * @param fetchedAt when the successful response arrived
 * @param sizeBytes bytes of the gzip file, as received
 * @param sha256 SHA-256 of the gzip file, lower-case hex
 * @param lines lines (movies) in the decompressed file
 * @param attempts download attempts made, the successful one included
 * @param path the export file, {@link io.moviestatus.model.LakeLayout#exportFile}
 * @param metadataPath its metadata file
 */
public record ExportIngestResult(
    LocalDate date,
    String url,
    int httpStatus,
    Instant fetchedAt,
    long sizeBytes,
    String sha256,
    long lines,
    int attempts,
    String path,
    String metadataPath) {}
