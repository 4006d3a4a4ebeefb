package io.moviestatus.jobs;

import io.moviestatus.ingest.TmdbApiException;
import io.moviestatus.ingest.TmdbExportNotPublishedException;
import io.moviestatus.ingest.TmdbUnavailableException;
import io.moviestatus.model.BadInputException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Shared plumbing of the job runners: argument parsing, one-line errors, exit rules. */
final class Jobs {

  // The exit codes; MovieStatus's exitCodeList (--help) and README.md's exit-code table list them.

  /** Exit code: the job ran to its end. */
  static final int OK = 0;

  /** Exit code: an unexpected failure (a bug, the lake unwritable, …). */
  static final int FAILED = 1;

  /** Exit code: a usage error or a bad argument. */
  static final int USAGE = 2;

  /** Exit code: TMDB rejected the credential (HTTP 401/403). */
  static final int CREDENTIAL_REJECTED = 3;

  /** Exit code: TMDB stayed unavailable after every retry. */
  static final int UPSTREAM_UNAVAILABLE = 4;

  /** Exit code: input data the quarantine cannot take (e.g. a ratings file of no known format). */
  static final int BAD_INPUT = 5;

  /** Exit code: the day's TMDB daily ID export is not published yet (by 08:00 UTC); run later. */
  static final int EXPORT_NOT_PUBLISHED = 6;

  private Jobs() {}

  /**
   * Runs a job's command line as a {@code main}: on success returns normally (Databricks JAR tasks
   * must not call {@code System.exit}); on failure prints one line and exits non-zero locally, or
   * throws on Databricks so the task is marked failed.
   */
  static void main(Object command, String[] args) {
    int code = commandLine(command).execute(args);
    if (code != 0) {
      if (System.getenv("DATABRICKS_RUNTIME_VERSION") != null) {
        throw new IllegalStateException(
            command.getClass().getSimpleName()
                + " failed with exit code "
                + code
                + " (cause printed above)");
      }
      System.exit(code);
    }
  }

  /** A picocli command line with one-line error reporting and ISO date parsing. */
  static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.registerConverter(LocalDate.class, new IsoDate());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + oneLine(e));
          err.flush();
          return exitCode(e);
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("error: " + e.getMessage());
          err.println("try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
          err.flush();
          return USAGE;
        });
    return cli;
  }

  /** The exit code of a failed run: the first known failure in the cause chain decides. */
  static int exitCode(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TmdbApiException api
          && (api.httpStatus() == 401 || api.httpStatus() == 403)) {
        return CREDENTIAL_REJECTED;
      }
      if (cause instanceof TmdbUnavailableException) {
        return UPSTREAM_UNAVAILABLE;
      }
      if (cause instanceof BadInputException) {
        return BAD_INPUT;
      }
      if (cause instanceof TmdbExportNotPublishedException) {
        return EXPORT_NOT_PUBLISHED;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return FAILED;
  }

  /**
   * The message of the root cause, on one line, prefixed by the exception type when it has none.
   */
  static String oneLine(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && cause.getCause() != cause
        && (cause.getMessage() == null
            || cause instanceof java.lang.reflect.InvocationTargetException)) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Builds a job's configuration; a validation failure ({@link IllegalArgumentException}) becomes a
   * usage error of the command: one line, exit code 2.
   */
  static <T> T validated(CommandSpec spec, Supplier<T> config) {
    try {
      return config.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The session of the cluster on Databricks, or the launcher's local session. */
  static SparkSession spark() {
    return SparkSession.builder().getOrCreate();
  }

  /** yyyy-MM-dd with a clear message. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
      }
    }
  }
}
