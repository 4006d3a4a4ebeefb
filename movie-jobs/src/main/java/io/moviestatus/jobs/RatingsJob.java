package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.ratings.PseudonymKey;
import io.moviestatus.transform.ratings.RatingsFormat;
import io.moviestatus.transform.ratings.RatingsImport;
import io.moviestatus.transform.ratings.RatingsImportReport;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Rating files → bronze/ratings → silver {@code ratings_fact}, user ids pseudonymised with
 * HMAC-SHA256. Databricks JAR task main class; also {@code movie-status ratings}. The key comes
 * from {@code RATINGS_HMAC_KEY}, read here and passed down as configuration.
 */
@Command(
    name = "ratings",
    mixinStandardHelpOptions = true,
    description = {
      "Land rating files in bronze and build ratings_fact (latest rating per user and movie wins).",
      "Pseudonymisation key: RATINGS_HMAC_KEY in the environment (at least 16 bytes); it must be"
          + " the key ratings_fact was built with (--rotate-key changes it)."
    })
public final class RatingsJob implements Callable<Integer> {

  /**
   * The parsed configuration of one run ({@link RatingsImport.Builder} validates it); its toString
   * never shows the key. {@code input} and {@code format} are null only for a key rotation without
   * new files.
   */
  public record Config(
      LakeLayout lake,
      String input,
      RatingsFormat format,
      String links,
      PseudonymKey key,
      boolean rotateKey) {
    public Config {
      requireNonNull(lake, "lake is null");
      if (input != null || !rotateKey) {
        requireNonNull(input, "input is null");
        requireNonNull(format, "format is null");
      }
      requireNonNull(key, "key is null");
    }

    /** An import of {@code input} (no key rotation). */
    public Config(
        LakeLayout lake, String input, RatingsFormat format, String links, PseudonymKey key) {
      this(lake, input, format, links, key, false);
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();
  @Mixin TimingsOption timings = new TimingsOption();
  @Mixin RatingsOptions.Command ratings = new RatingsOptions.Command();

  /** Environment the key is read from; a test may replace it. */
  Map<String, String> environment = System.getenv();

  public static void main(String[] args) {
    Jobs.main(new RatingsJob(), args);
  }

  Config config() {
    return Jobs.validated(spec, () -> ratings.config(lake.layout(), environment));
  }

  static PseudonymKey key(Map<String, String> env) {
    String secret = env.get("RATINGS_HMAC_KEY");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "no pseudonymisation key: set RATINGS_HMAC_KEY (at least 16 bytes)");
    }
    return PseudonymKey.ofText(secret.strip());
  }

  @Override
  public Integer call() {
    Config config = config();
    RatingsImport ratingsImport =
        Jobs.validated(spec, () -> ratings.ratingsImport(Jobs.spark(), config));
    var startup = timings.startup();
    RatingsImportReport report = ratingsImport.run();
    System.out.println(report);
    timings.print("ratings", startup, report.timings());
    catalog.register(config.lake());
    return 0;
  }

  /**
   * Runs one import on {@code spark}; {@link IllegalArgumentException} when the options do not go
   * together.
   */
  public static RatingsImportReport run(SparkSession spark, Config config) {
    return RatingsOptions.build(spark, config).run();
  }
}
