package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the ranking model (implicit ALS, Hu, Koren &amp; Volinsky 2008) turns a rating r into
 * implicit feedback. Spark's implicit ALS reads a value x as preference p = (x &gt; 0 ? 1 : 0) with
 * confidence c = 1 + α·|x|; a pair without a value has p = 0, c = 1. With t the relevance threshold
 * (4.0):
 *
 * <ul>
 *   <li>{@link #RATING}: x = r — every rated movie is a positive, higher ratings weigh more;
 *   <li>{@link #CENTERED}: x = r − t + 0.5 — ratings ≥ t are positives, lower ratings are confident
 *       negatives (p = 0, c = 1 + α·|x|);
 *   <li>{@link #LIKED}: x = r for ratings ≥ t only; lower ratings are left out.
 * </ul>
 */
public enum Confidence {
  RATING,
  CENTERED,
  LIKED;

  /** Adds {@code preference} to {@code ratings} (user_index, movie_id, rating). */
  Dataset<Row> apply(Dataset<Row> ratings, double relevantRating) {
    return switch (this) {
      case RATING -> ratings.withColumn("preference", col("rating"));
      case CENTERED ->
          ratings.withColumn("preference", col("rating").minus(lit(relevantRating - 0.5)));
      case LIKED ->
          ratings.filter(col("rating").geq(relevantRating)).withColumn("preference", col("rating"));
    };
  }
}
