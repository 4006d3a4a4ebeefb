package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Genre records → {@code genres_dim} rows: each genre's name from its latest genre list. */
final class GenresDimBuilder {

  private GenresDimBuilder() {}

  static Dataset<Row> build(Dataset<Row> genreRecords) {
    Column newestFirst =
        row_number().over(Window.partitionBy(col("genre_id")).orderBy(col("snapshot_date").desc()));
    return genreRecords
        .filter(col(BronzeParser.REASON).isNull()) // quarantined genres take no part in silver
        .withColumn("recency", newestFirst)
        .filter(col("recency").equalTo(1)) // the latest list names the genre
        .select(col("genre_id"), col("genre"));
  }
}
