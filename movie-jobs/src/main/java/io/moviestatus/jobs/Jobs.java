package io.moviestatus.jobs;

import io.moviestatus.ingest.TmdbApiException;
import io.moviestatus.ingest.TmdbExportNotPublishedException;
import io.moviestatus.ingest.TmdbUnavailableException;
import io.moviestatus.model.BadInputException;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.transform.ratings.PseudonymKeyMismatchException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Shared plumbing of the job runners: argument parsing, one-line errors, exit rules. */
final class Jobs {

  private Jobs() {}

  /**
   * Runs a job's command line as a {@code main}: on success returns normally (Databricks JAR tasks
   * must not call {@code System.exit}); on failure prints one line and exits non-zero locally, or
   * throws on Databricks so the task is marked failed.
   */
  static void main(Object command, String[] args) {
    int code = onTheBuiltLine() ? commandLine(command).execute(args) : ExitCode.USAGE.code();
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

  /**
   * False, after printing a one-line error naming both, when the Spark or Scala of the classpath is
   * not of the line this build is for ({@link SparkLine}): exit code 2 rather than a {@code
   * NoSuchMethodError} in a stage.
   */
  static boolean onTheBuiltLine() {
    Optional<String> mismatch = SparkLine.built().mismatchWithRuntime();
    mismatch.ifPresent(
        message -> {
          System.err.println("error: " + message);
          System.err.flush();
        });
    return mismatch.isEmpty();
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
          return ExitCode.USAGE.code();
        });
    return cli;
  }

  /** The exit code of a failed run: the first known failure in the cause chain decides. */
  static int exitCode(Throwable e) {
    return exit(e).code();
  }

  private static ExitCode exit(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TmdbApiException api
          && (api.httpStatus() == 401 || api.httpStatus() == 403)) {
        return ExitCode.CREDENTIAL_REJECTED;
      }
      if (cause instanceof TmdbUnavailableException) {
        return ExitCode.UPSTREAM_UNAVAILABLE;
      }
      if (cause instanceof BadInputException) {
        return ExitCode.BAD_INPUT;
      }
      if (cause instanceof TmdbExportNotPublishedException) {
        return ExitCode.EXPORT_NOT_PUBLISHED;
      }
      if (cause instanceof MissingPrerequisiteException) {
        return ExitCode.MISSING_PREREQUISITE;
      }
      if (cause instanceof PseudonymKeyMismatchException) {
        return ExitCode.USAGE; // a configuration error, found in the lake
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return ExitCode.FAILED;
  }

  /**
   * The message of the root cause (the first in the chain with a message), as its first non-blank
   * line; the exception type when no message has one. Spark's parse errors, for one, start with a
   * line break.
   */
  static String oneLine(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && cause.getCause() != cause
        && (firstLine(cause.getMessage()) == null
            || cause instanceof java.lang.reflect.InvocationTargetException)) {
      cause = cause.getCause();
    }
    String line = firstLine(cause.getMessage());
    return line == null ? cause.getClass().getSimpleName() : line;
  }

  /** The first non-blank line of {@code text}, stripped; null when it has none. */
  static String firstLine(String text) {
    return text == null
        ? null
        : text.lines().filter(line -> !line.isBlank()).map(String::strip).findFirst().orElse(null);
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

  /**
   * Applies the value of {@code option}, e.g. to the builder that owns its check: the builder's
   * {@link IllegalArgumentException} comes out naming the option, its message as it is when it
   * starts with the option, else as {@code <option>: <message>} (for {@link #validated} to make a
   * usage error of it).
   */
  static <T> T option(String option, Supplier<T> apply) {
    try {
      return apply.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new IllegalArgumentException(
          message.startsWith(option) ? message : option + ": " + message, e);
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
