package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.recommend.Recommender;
import io.moviestatus.recommend.RecommenderConfig;
import io.moviestatus.recommend.RecommenderReport;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains and evaluates the recommender, writes the models, {@code recommender_metrics} and {@code
 * user_recommendations}; prints the report (precision@10, NDCG@10, recall@10, coverage and RMSE of
 * the recommender, the bias baseline and most popular). Databricks JAR task main class; also {@code
 * movie-status recommend}. A run whose inputs ({@code ratings_fact}, {@code movie_rankings}) and
 * parameters are those of the latest version trains nothing and keeps it, unless {@code --retrain}.
 *
 * <p>Every option defaults to {@link RecommenderConfig#defaults()}'s value (shown by {@code
 * --help}); each tuning grid can be replaced, e.g. narrowed to the values a deployment's data has
 * already chosen, which fits each model once:
 *
 * <pre>{@code
 * movie-status recommend --lake ./lake --ranking-ranks 32 --ranking-reg-params 1 --alphas 4 \
 *     --rating-ranks 20 --rating-reg-params 0.1
 * }</pre>
 */
@LongRun
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    defaultValueProvider = RecommendJob.Defaults.class,
    description =
        "Train + evaluate the recommender (ranking model: implicit ALS or EASE, by validation;"
            + " rating model: ALS on bias residuals) against the bias baseline and most popular; write per-user"
            + " recommendations and metrics.")
public final class RecommendJob implements Callable<Integer> {

  /**
   * The parsed configuration of one run: the lake and the recommender's settings.
   *
   * @param lake the lake to read ratings from and write the recommender's tables to
   * @param recommender seed, grids and ALS blocks of the run
   * @param retrain train even when the inputs and parameters are those of the latest version
   */
  public record Config(LakeLayout lake, RecommenderConfig recommender, boolean retrain) {
    public Config {
      requireNonNull(lake, "lake is null");
      requireNonNull(recommender, "recommender is null");
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  // Every default is RecommenderConfig.defaults()'s, filled in (and shown) by Defaults.

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of the train/validation/test split and of ALS (default: ${DEFAULT-VALUE}).")
  Long seed;

  @Option(
      names = "--ranking-ranks",
      paramLabel = "R",
      split = ",",
      description =
          "Ranking model (implicit ALS): ranks to try, e.g. 32,64 (default: ${DEFAULT-VALUE}).")
  List<Integer> rankingRanks;

  @Option(
      names = "--ranking-reg-params",
      paramLabel = "L",
      split = ",",
      description = "Ranking model: regParams to try (default: ${DEFAULT-VALUE}).")
  List<Double> rankingRegParams;

  @Option(
      names = "--alphas",
      paramLabel = "A",
      split = ",",
      description = "Ranking model: confidence scales α to try (default: ${DEFAULT-VALUE}).")
  List<Double> alphas;

  @Option(
      names = "--rating-ranks",
      paramLabel = "R",
      split = ",",
      description =
          "Rating model (ALS on bias residuals): ranks to try (default: ${DEFAULT-VALUE}).")
  List<Integer> ratingRanks;

  @Option(
      names = "--rating-reg-params",
      paramLabel = "L",
      split = ",",
      description = "Rating model: regParams to try (default: ${DEFAULT-VALUE}).")
  List<Double> ratingRegParams;

  @Option(
      names = "--ease-lambdas",
      paramLabel = "L",
      split = ",",
      description =
          "Ranking model, EASE family: ridge lambdas to try, one fit each (default:"
              + " ${DEFAULT-VALUE}).")
  List<Double> easeLambdas;

  @Option(
      names = "--ease-tastes",
      paramLabel = "B",
      split = ",",
      description =
          "Ranking model, EASE: weights of the taste term to try, no refit each (default:"
              + " ${DEFAULT-VALUE}).")
  List<Double> easeTastes;

  @Option(
      names = "--ease-ials-weights",
      paramLabel = "W",
      split = ",",
      description =
          "Ranking model, EASE: weights w in [0, 1) of the best implicit ALS blended in, (1 − w)·EASE"
              + " + w·iALS, no refit each; 0 is EASE alone (default: ${DEFAULT-VALUE}).")
  List<Double> easeIalsWeights;

  @Option(
      names = "--ease-max-items",
      paramLabel = "N",
      description =
          "Bound of EASE: with more movies of 10+ ratings, only implicit ALS ranks; 0: never EASE"
              + " (default: ${DEFAULT-VALUE}; its fit holds 2·N² doubles).")
  Integer easeMaxItems;

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      description =
          "ALS iterations of every fit, both models (default: ${DEFAULT-VALUE}); fewer for a quick"
              + " run.")
  Integer maxIter;

  @Option(
      names = "--blocks",
      paramLabel = "B",
      description =
          "ALS user and item blocks of every fit, the partitions of its stages (default:"
              + " ${DEFAULT-VALUE}); about the cluster's cores for small data.")
  Integer blocks;

  @Option(
      names = "--retrain",
      description =
          "Train even when ratings_fact, movie_rankings and the parameters are those of the latest"
              + " version (default: keep that version and write nothing).")
  boolean retrain;

  public static void main(String[] args) {
    Jobs.main(new RecommendJob(), args);
  }

  @Override
  public Integer call() {
    Config config =
        Jobs.validated(spec, () -> new Config(lake.layout(), recommenderConfig(), retrain));
    System.out.println(run(Jobs.spark(), config));
    catalog.register(config.lake());
    return 0;
  }

  /**
   * The recommender's settings the options give (each defaults to {@link
   * RecommenderConfig#defaults()}'s); {@link RecommenderConfig} checks each value, and its {@link
   * IllegalArgumentException} names the option (e.g. an empty list, a rank below 1, a negative
   * regParam).
   */
  RecommenderConfig recommenderConfig() {
    RecommenderConfig config = RecommenderConfig.defaults();
    config = set(config, "--seed", seed, c -> c.withSeed(seed));
    config =
        set(
            config,
            "--ranking-ranks",
            rankingRanks,
            c ->
                c.withRankingGrid(rankingRanks, c.rankingRegParams(), c.alphas(), c.confidences()));
    config =
        set(
            config,
            "--ranking-reg-params",
            rankingRegParams,
            c ->
                c.withRankingGrid(c.rankingRanks(), rankingRegParams, c.alphas(), c.confidences()));
    config =
        set(
            config,
            "--alphas",
            alphas,
            c ->
                c.withRankingGrid(c.rankingRanks(), c.rankingRegParams(), alphas, c.confidences()));
    config =
        set(config, "--rating-ranks", ratingRanks, c -> c.withGrid(ratingRanks, c.regParams()));
    config =
        set(
            config,
            "--rating-reg-params",
            ratingRegParams,
            c -> c.withGrid(c.ranks(), ratingRegParams));
    config =
        set(
            config,
            "--ease-lambdas",
            easeLambdas,
            c -> c.withEase(easeLambdas, c.easeTastes(), c.easeMinRatings(), c.easeMaxItems()));
    config =
        set(
            config,
            "--ease-tastes",
            easeTastes,
            c -> c.withEase(c.easeLambdas(), easeTastes, c.easeMinRatings(), c.easeMaxItems()));
    config =
        set(
            config,
            "--ease-ials-weights",
            easeIalsWeights,
            c -> c.withEaseIalsWeights(easeIalsWeights));
    config =
        set(
            config,
            "--ease-max-items",
            easeMaxItems,
            c -> c.withEase(c.easeLambdas(), c.easeTastes(), c.easeMinRatings(), easeMaxItems));
    config = set(config, "--max-iter", maxIter, c -> c.withMaxIter(maxIter));
    return set(config, "--blocks", blocks, c -> c.withBlocks(blocks));
  }

  /** {@code change} applied when the option has a value (always, once parsed: see Defaults). */
  private static RecommenderConfig set(
      RecommenderConfig config,
      String option,
      Object value,
      UnaryOperator<RecommenderConfig> change) {
    return value == null ? config : Jobs.option(option, () -> change.apply(config));
  }

  /**
   * The options' defaults, from {@link RecommenderConfig#defaults()}: shown by {@code --help} and
   * set when an option is not given.
   */
  static final class Defaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec option)) {
        return null;
      }
      RecommenderConfig defaults = RecommenderConfig.defaults();
      return switch (option.longestName()) {
        case "--seed" -> String.valueOf(defaults.seed());
        case "--ranking-ranks" -> list(defaults.rankingRanks());
        case "--ranking-reg-params" -> list(defaults.rankingRegParams());
        case "--alphas" -> list(defaults.alphas());
        case "--rating-ranks" -> list(defaults.ranks());
        case "--rating-reg-params" -> list(defaults.regParams());
        case "--ease-lambdas" -> list(defaults.easeLambdas());
        case "--ease-tastes" -> list(defaults.easeTastes());
        case "--ease-ials-weights" -> list(defaults.easeIalsWeights());
        case "--ease-max-items" -> String.valueOf(defaults.easeMaxItems());
        case "--max-iter" -> String.valueOf(defaults.maxIter());
        case "--blocks" -> String.valueOf(defaults.blocks());
        default -> null;
      };
    }

    private static String list(List<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
  }

  /** Trains, evaluates and writes on {@code spark}. */
  public static RecommenderReport run(SparkSession spark, Config config) {
    return Recommender.builder(spark, config.lake())
        .config(config.recommender())
        .retrain(config.retrain())
        .build()
        .run();
  }
}
