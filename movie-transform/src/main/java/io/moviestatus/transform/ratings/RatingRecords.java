package io.moviestatus.transform.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rating file lines → typed rating records, each with the {@link RatingRejection} code of its first
 * failed check, or a null reason. Pure: {@code Dataset<Row> -> Dataset<Row>}.
 *
 * <p>Input lines carry {@link #SOURCE_FILE}, {@link #SNAPSHOT} (the landing date) and {@link
 * #VALUE} (the line). Output adds the raw fields ({@code user_raw}, {@code movie_raw}, {@code
 * rating_raw}, {@code time_raw}), the typed {@code movie_id} (TMDB), {@code rating}, {@code
 * rated_at}, and {@code reason}.
 */
final class RatingRecords {

  static final String SOURCE_FILE = "source_file";
  static final String SNAPSHOT = "snapshot_date";
  static final String VALUE = "value";
  static final String REASON = "reason";

  /** Header of MovieLens ratings.csv. */
  static final String MOVIELENS_HEADER = "userid,movieid,rating,timestamp";

  /** Header of MovieLens links.csv. */
  static final String LINKS_HEADER = "movieid,imdbid,tmdbid";

  /** Header of an events CSV file. */
  static final String EVENTS_HEADER = "user_id,movie_id,rating,rated_at";

  private static final StructType EVENT_JSON =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("movie_id", DataTypes.StringType)
          .add("rating", DataTypes.StringType)
          .add("rated_at", DataTypes.StringType)
          .add("_corrupt", DataTypes.StringType);

  private RatingRecords() {}

  /** CSV lines of four fields (header and blank lines dropped) → raw fields + malformed flag. */
  static Dataset<Row> csvFields(Dataset<Row> lines, String header) {
    Column fields = split(col(VALUE), ",", -1);
    return content(lines, header)
        .withColumn("fields", fields)
        .select(
            col(SOURCE_FILE),
            col(SNAPSHOT),
            col(VALUE).as("raw"),
            size(col("fields")).notEqual(4).as("malformed"),
            field(get(col("fields"), lit(0))).as("user_raw"),
            field(get(col("fields"), lit(1))).as("movie_raw"),
            field(get(col("fields"), lit(2))).as("rating_raw"),
            field(get(col("fields"), lit(3))).as("time_raw"));
  }

  /** JSON lines with user_id, movie_id, rating, rated_at → raw fields + malformed flag. */
  static Dataset<Row> jsonFields(Dataset<Row> lines) {
    Column parsed =
        from_json(
            col(VALUE),
            EVENT_JSON,
            Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", "_corrupt"));
    Column objectLine = trim(col(VALUE)).startsWith("{"); // a JSON array or scalar is no record
    return content(lines, null)
        .withColumn("j", parsed)
        .select(
            col(SOURCE_FILE),
            col(SNAPSHOT),
            col(VALUE).as("raw"),
            col("j")
                .isNull()
                .or(col("j._corrupt").isNotNull())
                .or(objectLine.unary_$bang())
                .as("malformed"),
            field(col("j.user_id")).as("user_raw"),
            field(col("j.movie_id")).as("movie_raw"),
            field(col("j.rating")).as("rating_raw"),
            field(col("j.rated_at")).as("time_raw"));
  }

  /** Events: movie_raw is already a TMDB id. Adds movie_id, rating, rated_at and the reason. */
  static Dataset<Row> events(Dataset<Row> fields) {
    Dataset<Row> typed = typed(fields).withColumn("movie_id", positiveInt(col("movie_raw")));
    return typed.withColumn(REASON, reason(col("movie_id").isNotNull(), lit(true)));
  }

  /**
   * MovieLens: movie_raw is a MovieLens id, mapped to a TMDB id through {@code links} ({@code
   * ml_movie_id STRING, tmdb_id INT}); a movie without one is {@code no_tmdb_id}.
   */
  static Dataset<Row> movieLens(Dataset<Row> fields, Dataset<Row> links) {
    Column movieLensId = positiveInt(col("movie_raw"));
    Dataset<Row> typed =
        typed(fields)
            .join(links, col("movie_raw").equalTo(col("ml_movie_id")), "left")
            .withColumn("movie_id", col("tmdb_id"))
            .drop("ml_movie_id", "tmdb_id");
    return typed.withColumn(REASON, reason(movieLensId.isNotNull(), col("movie_id").isNotNull()));
  }

  /**
   * links.csv lines → ({@code ml_movie_id STRING, tmdb_id INT}), one row per MovieLens id: the
   * latest file (greatest path, whose name starts with the landing date) wins; a blank or invalid
   * tmdbId gives a null tmdb_id.
   */
  static Dataset<Row> links(Dataset<Row> lines) {
    Dataset<Row> fields = csvFields3(lines);
    return fields
        .filter(col("ml_movie_id").isNotNull().and(length(col("ml_movie_id")).gt(0)))
        .withColumn(
            "n",
            row_number()
                .over(Window.partitionBy(col("ml_movie_id")).orderBy(col(SOURCE_FILE).desc())))
        .filter(col("n").equalTo(1))
        .select(col("ml_movie_id"), col("tmdb_id"));
  }

  private static Dataset<Row> csvFields3(Dataset<Row> lines) {
    Column fields = split(col(VALUE), ",", -1);
    return content(lines, LINKS_HEADER)
        .withColumn("fields", fields)
        .select(
            col(SOURCE_FILE),
            field(get(col("fields"), lit(0))).as("ml_movie_id"),
            positiveInt(field(get(col("fields"), lit(2)))).as("tmdb_id"));
  }

  /** Non-blank lines that are not the header. */
  private static Dataset<Row> content(Dataset<Row> lines, String header) {
    Column value = lower(trim(col(VALUE)));
    Column keep = length(trim(col(VALUE))).gt(0);
    if (header != null) {
      keep = keep.and(regexp_replace(value, "[\\s\"]", "").notEqual(lit(header)));
    }
    return lines.filter(keep);
  }

  /** A field trimmed and unquoted; blank → null. */
  private static Column field(Column raw) {
    Column unquoted = regexp_replace(trim(raw), "^\"(.*)\"$", "$1");
    return when(length(trim(unquoted)).gt(0), trim(unquoted));
  }

  /** Digits only, within 1 .. Integer.MAX_VALUE → INT; anything else → null. */
  private static Column positiveInt(Column raw) {
    Column digits = raw.rlike("^[0-9]{1,10}$");
    Column asLong = raw.cast(DataTypes.LongType);
    return when(
        digits.and(asLong.between(1, Integer.MAX_VALUE)), asLong.cast(DataTypes.IntegerType));
  }

  /** Adds the typed rating (null unless on the half-star scale) and rated_at (null if invalid). */
  private static Dataset<Row> typed(Dataset<Row> fields) {
    Column number = col("rating_raw").rlike("^[0-9]+(\\.[0-9]+)?$");
    Column value = col("rating_raw").cast(DataTypes.DoubleType);
    Column onScale =
        number
            .and(value.between(0.5, 5.0))
            .and(value.multiply(2).equalTo(floor(value.multiply(2))));
    Column epoch = col("time_raw").rlike("^-?[0-9]{1,12}$");
    Column ratedAt =
        when(epoch, timestamp_seconds(col("time_raw").cast(DataTypes.LongType)))
            .otherwise(expr("try_cast(time_raw AS TIMESTAMP)"));
    return fields
        .withColumn("rating", when(onScale, value.cast(DataTypes.FloatType)))
        .withColumn("rated_at", ratedAt);
  }

  private static Column reason(Column movieValid, Column tmdbKnown) {
    return when(col("malformed"), lit(RatingRejection.MALFORMED_LINE.code()))
        .when(col("user_raw").isNull(), lit(RatingRejection.MISSING_USER.code()))
        .when(movieValid.unary_$bang(), lit(RatingRejection.MISSING_MOVIE.code()))
        .when(col("rating").isNull(), lit(RatingRejection.RATING_OUT_OF_SCALE.code()))
        .when(col("rated_at").isNull(), lit(RatingRejection.UNPARSEABLE_TIMESTAMP.code()))
        .when(tmdbKnown.unary_$bang(), lit(RatingRejection.NO_TMDB_ID.code()));
  }
}
