package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import io.moviestatus.lake.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Evaluates the recommender on a MovieLens folder (its {@code ratings.csv}): a seeded random 80/20
 * split; both models tuned on a 25 % validation slice of the 80 % (ranking model by NDCG@10, rating
 * model by RMSE), refitted on the 80 % and evaluated on the 20 % next to the bias baseline and most
 * popular; then the final fit on all ratings. Prints precision@10, NDCG@10, recall@10, catalogue
 * coverage and RMSE per model and the wall time of tuning + evaluation + final fit. MovieLens ids
 * are used as they are (no TMDB mapping is needed to evaluate). Targets: ranking model precision@10
 * ≥ 0.20 and NDCG@10 ≥ 0.26, rating model RMSE ≤ 0.85, time ≤ 120 s.
 *
 * <pre>
 * cd /work/main &amp;&amp; MAVEN_OPTS="-Xmx3g $(sed -n 's:.*&lt;spark.add-opens&gt;\(.*\)&lt;/spark.add-opens&gt;.*:\1:p' pom.xml)" \
 *   ./mvnw -B -q -o -pl movie-recommend test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.moviestatus.recommend.RecommenderBenchmark \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.args="../shared/data/ml-latest-small 42"
 * </pre>
 *
 * Arguments: MovieLens folder, optional seed (42), optional {@code wide} to search a wider ranking
 * grid (every confidence form, more ranks, regParams and alphas) than the defaults.
 */
public final class RecommenderBenchmark {

  private RecommenderBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: RecommenderBenchmark MOVIELENS_FOLDER [SEED] [wide]");
      return;
    }
    Path ratingsCsv = Path.of(args[0]).resolve("ratings.csv");
    if (!Files.isRegularFile(ratingsCsv)) {
      System.err.println("no ratings.csv in " + args[0]);
      return;
    }
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> ratings =
        spark
            .read()
            .option("header", "true")
            .csv(ratingsCsv.toString())
            .select(
                col("userId").as("user_key"),
                col("movieId").cast(DataTypes.IntegerType).as("movie_id"),
                col("rating").cast(DataTypes.FloatType).as("rating"));
    RecommenderConfig config = RecommenderConfig.defaults().withSeed(seed).withSplit(0.2, 0.25);
    if (args.length > 2 && args[2].equals("wide")) {
      config =
          config.withRankingGrid(
              List.of(32, 64, 128),
              List.of(0.01, 0.05, 0.2, 1.0),
              List.of(0.5, 1.0, 4.0, 16.0),
              List.of(Confidence.values()));
    }
    System.out.printf(
        "MovieLens %s: %d ratings; seed %d, 80/20 split%n"
            + "ranking grid: rank %s x regParam %s x alpha %s x %s, maxIter %d%n"
            + "rating grid: rank %s x regParam %s, maxIter %d%n",
        args[0],
        ratings.count(),
        seed,
        config.rankingRanks(),
        config.rankingRegParams(),
        config.alphas(),
        config.confidences(),
        config.rankingMaxIter(),
        config.ranks(),
        config.regParams(),
        config.maxIter());
    RecommenderEvaluation evaluation = Recommender.evaluate(ratings, config, true);
    System.out.println(evaluation);
    Metrics model = evaluation.model();
    boolean met =
        model.precisionAtK() >= 0.20
            && model.ndcgAtK() >= 0.26
            && model.rmse() <= 0.85
            && evaluation.seconds() <= 120;
    System.out.printf(
        "targets (precision@10 >= 0.20, NDCG@10 >= 0.26, RMSE <= 0.85, <= 120 s incl. final fit): %s%n",
        met ? "met" : "NOT met");
    spark.stop(); // a benchmark main owns its session; library code never stops one
  }
}
