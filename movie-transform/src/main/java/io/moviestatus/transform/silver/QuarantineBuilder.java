package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Parsed records → {@code quarantine} rows for those with a reason. */
final class QuarantineBuilder {

  private QuarantineBuilder() {}

  static Dataset<Row> build(Dataset<Row> records, Instant quarantinedAt) {
    return records
        .filter(col(BronzeParser.REASON).isNotNull()) // only rejected records
        .select(
            col(BronzeParser.SOURCE_FILE),
            col(BronzeParser.ENTITY),
            col(BronzeParser.SNAPSHOT),
            col(BronzeParser.REASON),
            col(BronzeParser.RAW),
            lit(Timestamp.from(quarantinedAt)).as("quarantined_at"));
  }
}
