package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bias baseline: r̂(u, i) = μ + b_u + b_i, with μ the global mean, b_i = Σ(r − μ) / (n_i + λ_i)
 * and b_u = Σ(r − μ − b_i) / (n_u + λ_u), computed with DataFrame aggregations over the training
 * ratings ({@code user_index INT, movie_id INT, rating}). An unknown user or movie has bias 0.
 */
final class BiasBaseline {

  final double mean;
  final Dataset<Row> userBias; // user_index, b_u
  final Dataset<Row> itemBias; // movie_id, b_i

  BiasBaseline(double mean, Dataset<Row> userBias, Dataset<Row> itemBias) {
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
  }

  static BiasBaseline fit(Dataset<Row> train, double userReg, double itemReg) {
    double mean = train.agg(avg(col("rating"))).head().getDouble(0);
    Column mu = lit(mean);
    Dataset<Row> items =
        train
            .groupBy("movie_id")
            .agg(sum(col("rating").minus(mu)).divide(count(lit(1)).plus(lit(itemReg))).as("b_i"))
            .cache();
    Dataset<Row> users =
        train
            .join(items, "movie_id")
            .groupBy("user_index")
            .agg(
                sum(col("rating").minus(mu).minus(col("b_i")))
                    .divide(count(lit(1)).plus(lit(userReg)))
                    .as("b_u"))
            .cache();
    return new BiasBaseline(mean, users, items);
  }

  /** Adds {@code prediction} to rows with user_index and movie_id. */
  Dataset<Row> predict(Dataset<Row> rows) {
    return rows.join(userBias, new String[] {"user_index"}, "left")
        .join(itemBias, new String[] {"movie_id"}, "left")
        .withColumn(
            "prediction",
            lit(mean).plus(coalesce(col("b_u"), lit(0.0))).plus(coalesce(col("b_i"), lit(0.0))))
        .drop("b_u", "b_i");
  }

  void unpersist() {
    userBias.unpersist();
    itemBias.unpersist();
  }
}
