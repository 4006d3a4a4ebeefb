package io.moviestatus.transform.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Classified rating records → {@code ratings_fact} rows (pseudonymised, latest per user and movie)
 * and → {@code quarantine} rows. Pure: never writes.
 */
final class RatingsFactBuilder {

  private RatingsFactBuilder() {}

  /** The user_key column: hex HMAC-SHA256 of {@code rawUser} with the key. */
  static Column userKey(PseudonymKey key, Column rawUser) {
    UDF1<String, String> hmac = raw -> raw == null ? null : key.pseudonymise(raw);
    return udf(hmac, DataTypes.StringType).apply(rawUser);
  }

  /**
   * Valid records → one row per (user_key, movie_id): the latest rated_at wins (on a tie, the
   * higher rating, so the result never depends on row order).
   */
  static Dataset<Row> build(Dataset<Row> records, PseudonymKey key) {
    return records
        .filter(col(RatingRecords.REASON).isNull())
        .select(
            userKey(key, col("user_raw")).as("user_key"),
            col("movie_id"),
            to_date(col("rated_at")).as("date_id"),
            col("rating"),
            col("rated_at"))
        .withColumn(
            "n",
            row_number()
                .over(
                    Window.partitionBy(col("user_key"), col("movie_id"))
                        .orderBy(col("rated_at").desc(), col("rating").desc())))
        .filter(col("n").equalTo(1))
        .drop("n");
  }

  /**
   * Rejected records → quarantine rows (entity {@code rating}). The raw text keeps the line as
   * found, except that a readable user id is replaced by its user_key, so the raw id stays in
   * bronze; a malformed line is kept verbatim.
   */
  static Dataset<Row> quarantine(Dataset<Row> records, PseudonymKey key, Instant quarantinedAt) {
    Column userKey = userKey(key, col("user_raw"));
    Column json = col("raw").startsWith("{");
    Column csvRaw = regexp_replace(col("raw"), lit("^[^,]*"), userKey);
    Column jsonRaw =
        regexp_replace(
            col("raw"),
            lit("\"user_id\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]*)"),
            concat(lit("\"user_key\":\""), userKey, lit("\"")));
    Column raw =
        when(col("malformed").or(col("user_raw").isNull()), col("raw"))
            .when(json, jsonRaw)
            .otherwise(csvRaw);
    return records
        .filter(col(RatingRecords.REASON).isNotNull())
        .select(
            col(RatingRecords.SOURCE_FILE).as("source_file"),
            lit("rating").as("entity"),
            col(RatingRecords.SNAPSHOT).as("snapshot_date"),
            col(RatingRecords.REASON).as("reason"),
            raw.as("raw"),
            lit(Timestamp.from(quarantinedAt)).as("quarantined_at"));
  }
}
