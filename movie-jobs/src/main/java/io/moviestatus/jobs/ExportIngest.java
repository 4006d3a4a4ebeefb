package io.moviestatus.jobs;

import io.moviestatus.ingest.ExportIngestResult;
import io.moviestatus.ingest.ExportIngestion;
import io.moviestatus.ingest.TmdbExportNotPublishedException;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ingest --source export}: TMDB's daily ID export (every movie, no credential) → bronze, as
 * received. Kept apart from {@link IngestJob}'s discover path so each stays small.
 */
final class ExportIngest {

  /** Exit code when the day's export is not published yet (TMDB publishes by 08:00 UTC). */
  static final int EXIT_EXPORT_NOT_PUBLISHED = 6;

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

  private ExportIngest() {}

  /**
   * Lands the export of {@code date}; prints one line on success. An export not published yet is
   * one line on the command's error stream and {@value #EXIT_EXPORT_NOT_PUBLISHED}.
   */
  static int run(CommandSpec spec, LakeLayout lake, LocalDate date, String baseUrl)
      throws IOException {
    ExportIngestion.Builder builder =
        Jobs.validated(spec, () -> ExportIngestion.builder().baseUrl(baseUrl).lake(lake));
    try (ExportIngestion export =
        builder.hadoopConf(Jobs.spark().sparkContext().hadoopConfiguration()).build()) {
      ExportIngestResult result = export.ingest(date);
      spec.commandLine()
          .getOut()
          .printf(
              "ingest export %s: %d movies, %d bytes, sha256 %s -> %s%n",
              result.date(), result.lines(), result.sizeBytes(), result.sha256(), result.path());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (TmdbExportNotPublishedException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return EXIT_EXPORT_NOT_PUBLISHED;
    }
  }
}
