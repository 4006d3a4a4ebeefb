package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/** Ratings with a dense ALS user id (cached), the indexer that made it, and their counts. */
final class RatingData {

  /** user_key, user_index INT, movie_id INT, rating FLOAT. */
  final Dataset<Row> indexed;

  final StringIndexerModel indexer;
  final long users;
  final long movies;

  private RatingData(Dataset<Row> indexed, StringIndexerModel indexer, long users, long movies) {
    this.indexed = indexed;
    this.indexer = indexer;
    this.users = users;
    this.movies = movies;
  }

  /** From rows with {@code user_key, movie_id, rating}. */
  static RatingData of(Dataset<Row> ratings) {
    Dataset<Row> base =
        ratings.select(
            col("user_key"),
            col("movie_id").cast(DataTypes.IntegerType).as("movie_id"),
            col("rating").cast(DataTypes.FloatType).as("rating"));
    StringIndexerModel indexer =
        new StringIndexer()
            .setInputCol("user_key")
            .setOutputCol("user_index_d")
            .setStringOrderType("alphabetAsc")
            .fit(base);
    Dataset<Row> indexed =
        indexer
            .transform(base)
            .withColumn("user_index", col("user_index_d").cast(DataTypes.IntegerType))
            .drop("user_index_d")
            .persist(StorageLevel.MEMORY_AND_DISK());
    long users = indexer.labelsArray()[0].length;
    long movies = indexed.select("movie_id").distinct().count();
    return new RatingData(indexed, indexer, users, movies);
  }

  void unpersist() {
    indexed.unpersist();
  }
}
