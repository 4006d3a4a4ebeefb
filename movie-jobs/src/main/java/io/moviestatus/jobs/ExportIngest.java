package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.ingest.ExportIngestResult;
import io.moviestatus.ingest.ExportIngestion;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ingest --source export}: TMDB's daily ID export (every movie, no credential) → bronze, as
 * received. Kept apart from {@link IngestJob}'s discover path so each stays small. An export not
 * published yet surfaces as {@link io.moviestatus.ingest.TmdbExportNotPublishedException}, which
 * {@link Jobs#exitCode} maps to {@link ExitCode#EXPORT_NOT_PUBLISHED}.
 */
final class ExportIngest {

  /** What {@code ingest} fetches. */
  enum Source {
    /** The discover snapshot (top N by popularity) and the genre list; needs a credential. */
    DISCOVER,
    /** TMDB's daily ID export of every movie; no credential. */
    EXPORT
  }

  /** {@code discover} / {@code export}, in any case. */
  static final class SourceConverter implements ITypeConverter<Source> {
    @Override
    public Source convert(String value) {
      try {
        return Source.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a source (expected discover or export)");
      }
    }
  }

  /** One export ingest: the lake, the export's date and the export folder URL. */
  record Config(LakeLayout lake, LocalDate date, String baseUrl) {
    /** Validates; a URL that is not http(s) is an {@link IllegalArgumentException}. */
    Config {
      requireNonNull(lake, "lake is null");
      requireNonNull(date, "date is null");
      ExportIngestion.builder().baseUrl(requireNonNull(baseUrl, "baseUrl is null"));
    }
  }

  private ExportIngest() {}

  /** Lands the export of {@code config.date()} through {@code spark}'s Hadoop configuration. */
  static ExportIngestResult run(SparkSession spark, Config config) throws IOException {
    requireNonNull(config, "config is null");
    try (ExportIngestion export =
        ExportIngestion.builder()
            .baseUrl(config.baseUrl())
            .lake(config.lake())
            .hadoopConf(spark.sparkContext().hadoopConfiguration())
            .build()) {
      return export.ingest(config.date());
    }
  }
}
