package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import io.moviestatus.transform.lake.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Evaluates the recommender on a MovieLens folder (its {@code ratings.csv}): a seeded random 80/20
 * split, rank and regParam tuned on a 25 % validation slice of the 80 %, the chosen model refitted
 * on the 80 % and evaluated on the 20 % — RMSE, precision@10, NDCG@10 (relevant: rating ≥ 4) — next
 * to the bias baseline on the same split, with the wall time. MovieLens ids are used as they are
 * (no TMDB mapping is needed to evaluate). Quality target: RMSE ≤ 0.88 and below the baseline.
 *
 * <pre>
 * cd /work/main &amp;&amp; MAVEN_OPTS="-Xmx3g $(sed -n 's:.*&lt;spark.add-opens&gt;\(.*\)&lt;/spark.add-opens&gt;.*:\1:p' pom.xml)" \
 *   ./mvnw -B -q -o -pl movie-transform test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.moviestatus.transform.analytics.RecommenderBenchmark \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.args="../shared/data/ml-latest-small 42"
 * </pre>
 *
 * Arguments: MovieLens folder, optional seed (42), optional ALS iterations (10), optional {@code
 * plain} to evaluate plain ALS instead of ALS on the bias baseline's residuals.
 */
public final class RecommenderBenchmark {

  private RecommenderBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: RecommenderBenchmark MOVIELENS_FOLDER [SEED] [MAX_ITER]");
      return;
    }
    Path ratingsCsv = Path.of(args[0]).resolve("ratings.csv");
    if (!Files.isRegularFile(ratingsCsv)) {
      System.err.println("no ratings.csv in " + args[0]);
      return;
    }
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    int maxIter = args.length > 2 ? Integer.parseInt(args[2]) : 10;
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
    boolean biased = args.length <= 3 || !args[3].equals("plain");
    RecommenderConfig config =
        RecommenderConfig.defaults()
            .withSeed(seed)
            .withMaxIter(maxIter)
            .withSplit(0.2, 0.25)
            .withBiased(biased);
    System.out.printf(
        "MovieLens %s: %d ratings; seed %d, 80/20 split, grid rank %s x regParam %s, maxIter %d, %s%n",
        args[0],
        ratings.count(),
        seed,
        config.ranks(),
        config.regParams(),
        maxIter,
        biased ? "ALS on bias residuals" : "plain ALS");
    RecommenderEvaluation evaluation = Recommender.evaluate(ratings, config);
    System.out.println(evaluation);
    boolean met = evaluation.rmse() <= 0.88 && evaluation.rmse() < evaluation.baselineRmse();
    System.out.printf(
        "target (test RMSE <= 0.88 and below the baseline's %.4f): %s%n",
        evaluation.baselineRmse(), met ? "met" : "NOT met");
    spark.stop(); // a benchmark main owns its session; library code never stops one
  }
}
