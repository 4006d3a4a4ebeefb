package io.moviestatus.jobs;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.ratings.RatingsFormat;
import io.moviestatus.transform.ratings.RatingsImport;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The ratings stage on the command line, one home for {@code ratings} and {@code pipeline}: the
 * values of its three options, the configuration they make and the configured import. The two
 * commands name the options differently ({@link Command}: {@code --input}, {@code --format}, {@code
 * --links}; {@link InPipeline}: {@code --ratings}, {@code --ratings-format}, {@code
 * --ratings-links}, the stage running only with {@code --ratings}), so each has a subclass that
 * only declares them; {@link RatingsImport.Builder}'s messages, which name {@code ratings}'s
 * options, are given the command's names.
 */
abstract class RatingsOptions {

  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--(input|format|links)\\b");

  String input;
  String format;
  String links;
  boolean rotateKey;

  /** This command's name of the option {@code ratings} calls {@code --input}, … */
  abstract String inputOption();

  abstract String formatOption();

  abstract String linksOption();

  /**
   * The stage's configuration, or null when neither an input nor a key rotation was asked for (the
   * stage does not run, where its command requires one); the key comes from {@code
   * RATINGS_HMAC_KEY} in {@code environment}.
   *
   * @throws IllegalArgumentException naming the option when the options do not go together, the
   *     format is unknown or the key is missing
   */
  final RatingsJob.Config config(LakeLayout lake, Map<String, String> environment) {
    if (input == null) {
      if (format != null || links != null) {
        throw new IllegalArgumentException(
            formatOption() + " and " + linksOption() + " apply to " + inputOption() + " only");
      }
      if (rotateKey) {
        return new RatingsJob.Config(lake, null, null, null, RatingsJob.key(environment), true);
      }
      if (inputRequired()) {
        throw new IllegalArgumentException(
            "missing " + inputOption() + " and " + formatOption() + " (or --rotate-key)");
      }
      return null;
    }
    if (format == null) {
      throw new IllegalArgumentException(
          inputOption() + " needs " + formatOption() + " (movielens or events)");
    }
    return new RatingsJob.Config(
        lake, input, RatingsFormat.parse(format), links, RatingsJob.key(environment), rotateKey);
  }

  /** Whether the command fails without an input (and without a key rotation). */
  abstract boolean inputRequired();

  /** {@link #build} with the builder's messages in this command's option names. */
  final RatingsImport ratingsImport(SparkSession spark, RatingsJob.Config config) {
    try {
      return build(spark, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(renamed(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * The configured import; {@link IllegalArgumentException} when the options do not go together
   * (the message names {@code ratings}'s options).
   */
  static RatingsImport build(SparkSession spark, RatingsJob.Config config) {
    RatingsImport.Builder build = RatingsImport.builder(spark, config.lake(), config.key());
    if (config.input() != null) {
      build.input(config.input(), config.format());
    }
    if (config.links() != null) {
      build.links(config.links());
    }
    if (config.rotateKey()) {
      build.rotateKey();
    }
    return build.build();
  }

  private String renamed(String message) {
    Matcher option = OPTION.matcher(message);
    StringBuilder out = new StringBuilder();
    while (option.find()) {
      String name =
          switch (option.group(1)) {
            case "input" -> inputOption();
            case "format" -> formatOption();
            default -> linksOption();
          };
      option.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    return option.appendTail(out).toString();
  }

  /** {@code ratings}'s options: the input and its format are required, unless the key rotates. */
  static final class Command extends RatingsOptions {

    @Option(
        names = "--input",
        paramLabel = "PATH",
        description =
            "A rating file or a folder of them (MovieLens: the folder with ratings.csv and links.csv).")
    void input(String value) {
      input = value;
    }

    @Option(
        names = "--format",
        paramLabel = "movielens|events",
        description =
            "movielens (ratings.csv + links.csv) or events (user_id,movie_id,rating,rated_at as CSV or JSON lines).")
    void format(String value) {
      format = value;
    }

    @Option(
        names = "--links",
        paramLabel = "PATH",
        description = "MovieLens links.csv when it is not beside ratings.csv.")
    void links(String value) {
      links = value;
    }

    @Option(
        names = "--rotate-key",
        description =
            "Re-pseudonymise every rating under RATINGS_HMAC_KEY when it is not the key ratings_fact"
                + " was built with: ratings_fact is rebuilt from the rating files in bronze (after"
                + " landing --input, if given). user_recommendations and the models keep the old"
                + " user_keys until the next recommend, which retrains.")
    void rotateKey(boolean value) {
      rotateKey = value;
    }

    @Override
    boolean inputRequired() {
      return true;
    }

    @Override
    String inputOption() {
      return "--input";
    }

    @Override
    String formatOption() {
      return "--format";
    }

    @Override
    String linksOption() {
      return "--links";
    }
  }

  /** {@code pipeline}'s options: the stage runs between silver and gold with {@code --ratings}. */
  static final class InPipeline extends RatingsOptions {

    @Option(
        names = "--ratings",
        paramLabel = "PATH",
        description =
            "Import this rating file or folder between silver and gold (as ratings --input).")
    void input(String value) {
      input = value;
    }

    @Option(
        names = "--ratings-format",
        paramLabel = "movielens|events",
        description = "Format of --ratings (as ratings --format).")
    void format(String value) {
      format = value;
    }

    @Option(
        names = "--ratings-links",
        paramLabel = "PATH",
        description = "MovieLens links.csv when it is not beside ratings.csv (as ratings --links).")
    void links(String value) {
      links = value;
    }

    @Override
    boolean inputRequired() {
      return false;
    }

    @Override
    String inputOption() {
      return "--ratings";
    }

    @Override
    String formatOption() {
      return "--ratings-format";
    }

    @Override
    String linksOption() {
      return "--ratings-links";
    }
  }
}
