package io.moviestatus.transform.silver;

import static io.moviestatus.model.BronzeSchemas.EXPORT_LINE_SCHEMA;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Lines of TMDB daily ID exports ({@code source_file}, {@code snapshot_date} of the file, {@code
 * value}) → one row per movie line: source_file, snapshot_date, raw (rejected lines only),
 * movie_id, original_title, adult, video, popularity, entity ({@code export_movie}), reason (null
 * for a valid line, else the {@link QuarantineReason} code). Pure: no reads, no writes, no actions.
 */
final class ExportParser {

  static final String ENTITY_EXPORT_MOVIE = "export_movie";

  private static final String CORRUPT = "_corrupt_record";
  private static final Map<String, String> PERMISSIVE =
      Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);

  private ExportParser() {}

  static Dataset<Row> records(Dataset<Row> lines) {
    Column line =
        from_json(
            col(BronzeParser.VALUE),
            EXPORT_LINE_SCHEMA.add(CORRUPT, DataTypes.StringType),
            PERMISSIVE);
    // Blank lines (e.g. a trailing newline) are not records.
    return lines
        .filter(trim(col(BronzeParser.VALUE)).notEqual(""))
        .withColumn("e", line)
        .withColumn(BronzeParser.REASON, reason())
        .select(
            col(BronzeParser.SOURCE_FILE),
            col(BronzeParser.SNAPSHOT),
            // The line verbatim for the quarantine; valid lines need not carry it.
            when(col(BronzeParser.REASON).isNotNull(), col(BronzeParser.VALUE))
                .as(BronzeParser.RAW),
            valid(col("e.id").cast(DataTypes.IntegerType)).as("movie_id"),
            valid(col("e.original_title")).as("original_title"),
            valid(col("e.adult")).as("adult"),
            valid(col("e.video")).as("video"),
            valid(col("e.popularity").cast(DataTypes.FloatType)).as("popularity"),
            lit(ENTITY_EXPORT_MOVIE).as(BronzeParser.ENTITY),
            col(BronzeParser.REASON));
  }

  /** Values of valid lines only: casts that could overflow never run on rejected ones. */
  private static Column valid(Column value) {
    return when(col(BronzeParser.REASON).isNull(), value);
  }

  /** Validation of one export line; the first failing check wins. */
  private static Column reason() {
    Column id = col("e.id");
    Column popularity = col("e.popularity");
    Column nonFinite =
        isnan(popularity).or(popularity.isin(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    return when(
            col("e").isNull().or(col("e." + CORRUPT).isNotNull()),
            lit(QuarantineReason.MALFORMED_JSON.code()))
        .when(id.isNull(), lit(QuarantineReason.MISSING_ID.code()))
        .when(id.leq(0).or(id.gt(Integer.MAX_VALUE)), lit(QuarantineReason.ID_OUT_OF_RANGE.code()))
        .when(nonFinite, lit(QuarantineReason.NON_FINITE_NUMBER.code()))
        .when(popularity.lt(0), lit(QuarantineReason.NEGATIVE_POPULARITY.code()));
  }
}
