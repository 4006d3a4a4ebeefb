package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.report.Report;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the HTML report of one snapshot date (charts of rankings, trends, ratings, recommender and
 * data quality; one self-contained file). Databricks JAR task main class (writes {@code
 * <lake>/gold/report/<date>.html}); also {@code movie-status report}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the HTML report (self-contained: inline SVG charts, no network) of the latest date or"
            + " --date; default file <lake>/gold/report/<date>.html.")
public final class ReportJob implements Callable<Integer> {

  /**
   * The parsed configuration of one run ({@link Report.Builder} validates {@code days}; its default
   * is {@link Report#DEFAULT_DAYS}); {@code date} and {@code out} may be null.
   */
  public record Config(LakeLayout lake, LocalDate date, int days, String out) {
    public Config {
      requireNonNull(lake, "lake is null");
      if (out != null && out.isBlank()) {
        throw new IllegalArgumentException("--out is blank");
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Snapshot date to report on (default: the latest date of gold movie_rankings).")
  LocalDate date;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "" + Report.DEFAULT_DAYS,
      description = "Days of history in the time charts (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--out",
      paramLabel = "FILE|URI",
      description = "Where to write the HTML (default: <lake>/gold/report/<date>.html).")
  String out;

  public static void main(String[] args) {
    Jobs.main(new ReportJob(), args);
  }

  @Override
  public Integer call() {
    Config config =
        Jobs.validated(
            spec,
            () ->
                new Config(
                    lake.layout(), date, days, out == null ? null : LakeOption.absolute(out)));
    Report report = Jobs.validated(spec, () -> report(Jobs.spark(), config));
    System.out.println("report: " + write(report, config));
    catalog.register(config.lake());
    return 0;
  }

  /**
   * Renders the report on {@code spark} and writes it; returns the path written.
   *
   * @throws IllegalArgumentException when {@code days} is out of range (naming {@code --days})
   * @throws io.moviestatus.model.MissingPrerequisiteException when gold has not run yet
   */
  public static String run(SparkSession spark, Config config) {
    return write(report(spark, config), config);
  }

  /**
   * The configured report; {@link Report.Builder}'s {@link IllegalArgumentException} names the
   * option.
   */
  private static Report report(SparkSession spark, Config config) {
    Report.Builder builder = Report.builder(spark, config.lake());
    if (config.date() != null) {
      builder.date(config.date());
    }
    return Jobs.option("--days", () -> builder.days(config.days()).build());
  }

  private static String write(Report report, Config config) {
    return config.out() == null ? report.writeToLake() : report.write(config.out());
  }
}
