package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.recommend.Recommender;
import io.moviestatus.recommend.RecommenderConfig;
import io.moviestatus.recommend.RecommenderReport;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains and evaluates the recommender, writes the models, {@code recommender_metrics} and {@code
 * user_recommendations}; prints the report (precision@10, NDCG@10, recall@10, coverage and RMSE of
 * the recommender, the bias baseline and most popular). Databricks JAR task main class; also {@code
 * movie-status recommend}. A run whose inputs ({@code ratings_fact}, {@code movie_rankings}) and
 * parameters are those of the latest version trains nothing and keeps it, unless {@code --retrain}.
 *
 * <p>The tuning grids default to {@link RecommenderConfig#defaults()}; each can be replaced, e.g.
 * narrowed to the values a deployment's data has already chosen, which fits each model once:
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
    description =
        "Train + evaluate the recommender (ranking model: implicit ALS; rating model: ALS on bias"
            + " residuals) against the bias baseline and most popular; write per-user"
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

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of the train/validation/test split and of ALS (default: the configured default).")
  Long seed;

  @Option(
      names = "--ranking-ranks",
      paramLabel = "R",
      split = ",",
      description = "Ranking model (implicit ALS): ranks to try, e.g. 32,64 (default: 32).")
  List<Integer> rankingRanks;

  @Option(
      names = "--ranking-reg-params",
      paramLabel = "L",
      split = ",",
      description = "Ranking model: regParams to try (default: 0.2,1).")
  List<Double> rankingRegParams;

  @Option(
      names = "--alphas",
      paramLabel = "A",
      split = ",",
      description = "Ranking model: confidence scales α to try (default: 1,4).")
  List<Double> alphas;

  @Option(
      names = "--rating-ranks",
      paramLabel = "R",
      split = ",",
      description = "Rating model (ALS on bias residuals): ranks to try (default: 20).")
  List<Integer> ratingRanks;

  @Option(
      names = "--rating-reg-params",
      paramLabel = "L",
      split = ",",
      description = "Rating model: regParams to try (default: 0.1,0.2).")
  List<Double> ratingRegParams;

  @Option(
      names = "--blocks",
      paramLabel = "B",
      description =
          "ALS user and item blocks of every fit, the partitions of its stages (default: 10);"
              + " about the cluster's cores for small data.")
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
   * The defaults with the options given; an invalid value (an empty list, a rank below 1, a
   * negative regParam) throws {@link IllegalArgumentException} naming it.
   */
  RecommenderConfig recommenderConfig() {
    positive("--ranking-ranks", rankingRanks);
    nonNegative("--ranking-reg-params", rankingRegParams);
    nonNegative("--alphas", alphas);
    positive("--rating-ranks", ratingRanks);
    nonNegative("--rating-reg-params", ratingRegParams);
    if (blocks != null && blocks < 1) {
      throw new IllegalArgumentException("--blocks must be at least 1, was " + blocks);
    }
    RecommenderConfig defaults = RecommenderConfig.defaults();
    RecommenderConfig config = defaults;
    if (seed != null) {
      config = config.withSeed(seed);
    }
    if (rankingRanks != null || rankingRegParams != null || alphas != null) {
      config =
          config.withRankingGrid(
              rankingRanks == null ? defaults.rankingRanks() : rankingRanks,
              rankingRegParams == null ? defaults.rankingRegParams() : rankingRegParams,
              alphas == null ? defaults.alphas() : alphas,
              defaults.confidences());
    }
    if (ratingRanks != null || ratingRegParams != null) {
      config =
          config.withGrid(
              ratingRanks == null ? defaults.ranks() : ratingRanks,
              ratingRegParams == null ? defaults.regParams() : ratingRegParams);
    }
    if (blocks != null) {
      config = config.withBlocks(blocks);
    }
    return config;
  }

  private static void positive(String option, List<Integer> values) {
    if (values != null && values.stream().anyMatch(v -> v < 1)) {
      throw new IllegalArgumentException(option + " must be whole numbers >= 1, was " + values);
    }
  }

  private static void nonNegative(String option, List<Double> values) {
    if (values != null && values.stream().anyMatch(v -> !(v >= 0) || v.isInfinite())) {
      throw new IllegalArgumentException(option + " must be finite numbers >= 0, was " + values);
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
