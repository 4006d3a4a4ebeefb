package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Top-k recommendations by exhaustive scoring: every (user, candidate movie) pair has a score, the
 * pairs in {@code exclude} (what the user already rated) are removed, and the k best remain with
 * their rank 1..k (ties: lower movie_id). Output: {@code user_index, movie_id, score, rank}.
 */
final class TopK {

  private TopK() {}

  /** Baseline scores: μ + b_u + b_i over the baseline's known movies. */
  static Dataset<Row> baseline(
      BiasBaseline baseline, Dataset<Row> users, Dataset<Row> exclude, int k) {
    Dataset<Row> pairs =
        users.select("user_index").distinct().crossJoin(baseline.itemBias.select("movie_id"));
    return top(
        baseline
            .predict(pairs)
            .select(col("user_index"), col("movie_id"), col("prediction").as("score")),
        exclude,
        k);
  }

  static Dataset<Row> top(Dataset<Row> scores, Dataset<Row> exclude, int k) {
    return scores
        .join(
            exclude.select("user_index", "movie_id"),
            new String[] {"user_index", "movie_id"},
            "left_anti")
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy(col("user_index"))
                        .orderBy(col("score").desc(), col("movie_id").asc())))
        .filter(col("rank").leq(lit(k)));
  }
}
