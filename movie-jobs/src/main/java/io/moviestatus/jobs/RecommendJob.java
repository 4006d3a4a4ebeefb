package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.recommend.Recommender;
import io.moviestatus.recommend.RecommenderConfig;
import io.moviestatus.recommend.RecommenderReport;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains and evaluates the recommender, writes the models, {@code recommender_metrics} and {@code
 * user_recommendations}; prints the report (precision@10, NDCG@10, recall@10, coverage and RMSE of
 * the recommender, the bias baseline and most popular). Databricks JAR task main class; also {@code
 * movie-status recommend}.
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

  /** The parsed configuration of one run. */
  public record Config(LakeLayout lake, Long seed) {
    public Config {
      requireNonNull(lake, "lake is null");
    }
  }

  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of the train/validation/test split and of ALS (default: the configured default).")
  Long seed;

  public static void main(String[] args) {
    Jobs.main(new RecommendJob(), args);
  }

  @Override
  public Integer call() {
    Config config = new Config(lake.layout(), seed);
    System.out.println(run(Jobs.spark(), config));
    catalog.register(config.lake());
    return 0;
  }

  /** Trains, evaluates and writes on {@code spark}. */
  public static RecommenderReport run(SparkSession spark, Config config) {
    RecommenderConfig recommender = RecommenderConfig.defaults();
    if (config.seed() != null) {
      recommender = recommender.withSeed(config.seed());
    }
    return Recommender.builder(spark, config.lake()).config(recommender).build().run();
  }
}
