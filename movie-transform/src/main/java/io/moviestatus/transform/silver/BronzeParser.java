package io.moviestatus.transform.silver;

import static io.moviestatus.model.BronzeContract.BODY;
import static io.moviestatus.model.BronzeContract.PAGE;
import static io.moviestatus.model.BronzeContract.SNAPSHOT_DATE;
import static io.moviestatus.model.BronzeContract.TOP_N;
import static io.moviestatus.model.BronzeSchemas.DISCOVER_PAGE_SCHEMA;
import static io.moviestatus.model.BronzeSchemas.DISCOVER_RESULT_SCHEMA;
import static io.moviestatus.model.BronzeSchemas.ENVELOPE_SCHEMA;
import static io.moviestatus.model.BronzeSchemas.GENRE_LIST_SCHEMA;
import static io.moviestatus.model.BronzeSchemas.GENRE_SCHEMA;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
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
 * Parses bronze lines ({@code source_file}, {@code value}) into one row per record with an explicit
 * schema, and a {@code reason} column that is null for valid records and names the {@link
 * QuarantineReason} otherwise. Pure: no reads, no writes, no actions.
 */
final class BronzeParser {

  static final String SOURCE_FILE = "source_file";
  static final String VALUE = "value";
  static final String REASON = "reason";
  static final String RAW = "raw";
  static final String ENTITY = "entity";
  static final String SNAPSHOT = "snapshot_date";

  private static final String CORRUPT = "_corrupt_record";
  private static final Map<String, String> PERMISSIVE =
      Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);
  private static final int INT_MAX = Integer.MAX_VALUE;

  private BronzeParser() {}

  /**
   * Discover lines → one row per movie record: source_file, snapshot_date, raw, position_rank,
   * movie_id, title, original_language, overview, poster_path, original_title, adult, video,
   * genre_ids, popularity, vote_average, vote_count, entity, reason. A line that cannot be read at
   * all yields one row with its reason.
   */
  static Dataset<Row> discoverRecords(Dataset<Row> lines) {
    Dataset<Row> pages =
        withBody(lines, DISCOVER_PAGE_SCHEMA, "results")
            .select(
                col(SOURCE_FILE),
                col(VALUE),
                col(SNAPSHOT),
                col(REASON),
                col("env." + PAGE).as("page"),
                col("env." + TOP_N).as("top_n"),
                posexplode_outer(when(col(REASON).isNull(), col("body.results")))
                    .as(new String[] {"position", "record"}));

    // A line-level failure keeps the whole line as the raw text; a record keeps its own JSON.
    Column movie = from_json(col("record"), withCorrupt(DISCOVER_RESULT_SCHEMA), PERMISSIVE);
    Dataset<Row> records =
        pages
            .withColumn("m", movie)
            .withColumn(RAW, when(col(REASON).isNull(), col("record")).otherwise(col(VALUE)))
            .withColumn(
                ENTITY, when(col(REASON).isNull(), lit("movie")).otherwise(lit("discover_page")))
            .withColumn(REASON, when(col(REASON).isNull(), movieReason()).otherwise(col(REASON)));

    // Rank within the snapshot in page order; the snapshot's top_n bounds it (TMDB pages hold 20).
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(SOURCE_FILE))
                    .orderBy(col("page").asc_nulls_last(), col("position")));
    return records.select(
        col(SOURCE_FILE),
        col(SNAPSHOT),
        col(RAW),
        col("top_n"),
        rank.as("position_rank"),
        valid(col("m.id").cast(DataTypes.IntegerType)).as("movie_id"),
        col("m.title").as("title"),
        col("m.original_language").as("original_language"),
        col("m.overview").as("overview"),
        col("m.poster_path").as("poster_path"),
        col("m.original_title").as("original_title"),
        col("m.adult").as("adult"),
        col("m.video").as("video"),
        col("m.genre_ids").as("genre_ids"),
        col("m.popularity").cast(DataTypes.FloatType).as("popularity"),
        col("m.vote_average").cast(DataTypes.FloatType).as("vote_average"),
        valid(col("m.vote_count").cast(DataTypes.IntegerType)).as("vote_count"),
        col(ENTITY),
        col(REASON));
  }

  /**
   * The envelopes of bronze lines with their body parsed as {@code body}: a line whose envelope is
   * fine but whose body is absent, unreadable or lacks {@code arrayField} gets the malformed-body
   * reason; an earlier reason stays.
   */
  private static Dataset<Row> withBody(
      Dataset<Row> lines, StructType bodySchema, String arrayField) {
    Column body = from_json(col("env." + BODY), withCorrupt(bodySchema), PERMISSIVE);
    // The body is broken when missing, not JSON of the schema, or without its array.
    Column bodyBroken =
        col("env." + BODY)
            .isNull()
            .or(col("body." + CORRUPT).isNotNull())
            .or(col("body." + arrayField).isNull());
    return envelopes(lines)
        .withColumn("body", body)
        .withColumn(
            REASON,
            when(col(REASON).isNull().and(bodyBroken), lit(QuarantineReason.MALFORMED_BODY.code()))
                .otherwise(col(REASON)));
  }

  /**
   * Genre-list lines → one row per genre: source_file, snapshot_date, raw, genre_id, genre, entity,
   * reason.
   */
  static Dataset<Row> genreRecords(Dataset<Row> lines) {
    Dataset<Row> genres =
        withBody(lines, GENRE_LIST_SCHEMA, "genres")
            .select(
                col(SOURCE_FILE),
                col(VALUE),
                col(SNAPSHOT),
                col(REASON),
                posexplode_outer(when(col(REASON).isNull(), col("body.genres")))
                    .as(new String[] {"position", "record"}))
            .withColumn("g", from_json(col("record"), withCorrupt(GENRE_SCHEMA), PERMISSIVE));

    Column genreId = col("g.id");
    Column name = trim(col("g.name"));
    // First failing check wins, most fundamental first.
    Column reason =
        when(col(REASON).isNotNull(), col(REASON))
            .when(col("g." + CORRUPT).isNotNull(), lit(QuarantineReason.MALFORMED_RECORD.code()))
            .when(genreId.isNull(), lit(QuarantineReason.MISSING_ID.code()))
            .when(
                genreId.leq(0).or(genreId.gt(INT_MAX)),
                lit(QuarantineReason.ID_OUT_OF_RANGE.code()))
            .when(name.isNull().or(name.equalTo("")), lit(QuarantineReason.MISSING_NAME.code()));
    return genres.select(
        col(SOURCE_FILE),
        col(SNAPSHOT),
        when(col(REASON).isNull(), col("record")).otherwise(col(VALUE)).as(RAW),
        when(reason.isNull(), genreId.cast(DataTypes.IntegerType)).as("genre_id"),
        name.as("genre"),
        when(col(REASON).isNull(), lit("genre")).otherwise(lit("genre_list")).as(ENTITY),
        reason.as(REASON));
  }

  /** Casts that could overflow run for valid records only (ANSI mode would throw otherwise). */
  private static Column valid(Column value) {
    return when(col(REASON).isNull(), value);
  }

  /** Validation of one movie record; the first failing check wins. */
  private static Column movieReason() {
    Column id = col("m.id");
    Column popularity = col("m.popularity");
    Column voteAverage = col("m.vote_average");
    Column voteCount = col("m.vote_count");
    Column nonFinite =
        isnan(popularity)
            .or(isnan(voteAverage))
            .or(popularity.isin(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
            .or(voteAverage.isin(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    return when(
            col("record").isNull().or(col("m." + CORRUPT).isNotNull()),
            lit(QuarantineReason.MALFORMED_RECORD.code()))
        .when(id.isNull(), lit(QuarantineReason.MISSING_ID.code()))
        .when(id.leq(0).or(id.gt(INT_MAX)), lit(QuarantineReason.ID_OUT_OF_RANGE.code()))
        .when(nonFinite, lit(QuarantineReason.NON_FINITE_NUMBER.code()))
        .when(
            voteAverage.lt(0).or(voteAverage.gt(10)),
            lit(QuarantineReason.VOTE_AVERAGE_OUT_OF_RANGE.code()))
        .when(
            voteCount.lt(0).or(voteCount.gt(INT_MAX)),
            lit(QuarantineReason.INVALID_VOTE_COUNT.code()))
        .when(popularity.lt(0), lit(QuarantineReason.NEGATIVE_POPULARITY.code()));
  }

  /**
   * Lines → envelope struct {@code env}, the parsed {@code snapshot_date} and a line-level reason.
   * Blank lines are dropped: they carry nothing.
   */
  private static Dataset<Row> envelopes(Dataset<Row> lines) {
    Column envelope = from_json(col(VALUE), withCorrupt(ENVELOPE_SCHEMA), PERMISSIVE);
    Column date = strictDate(col("env." + SNAPSHOT_DATE));
    Column envelopeBroken = col("env").isNull().or(col("env." + CORRUPT).isNotNull());
    // Blank lines (e.g. a trailing newline) are not records.
    return lines
        .filter(trim(col(VALUE)).notEqual(""))
        .withColumn("env", envelope)
        .withColumn(
            SNAPSHOT, when(envelopeBroken, lit(null).cast(DataTypes.DateType)).otherwise(date))
        .withColumn(
            REASON,
            when(envelopeBroken, lit(QuarantineReason.MALFORMED_JSON.code()))
                .when(col(SNAPSHOT).isNull(), lit(QuarantineReason.UNPARSEABLE_DATE.code())));
  }

  /**
   * yyyy-MM-dd → DATE, null when the text is not a real calendar date. Built from make_date on
   * validated parts so it never throws, whatever the session's ANSI or parser-policy settings.
   */
  static Column strictDate(Column text) {
    String pattern = "^(\\d{4})-(\\d{2})-(\\d{2})$";
    Column year = regexp_extract(text, pattern, 1).cast(DataTypes.IntegerType);
    Column month = regexp_extract(text, pattern, 2).cast(DataTypes.IntegerType);
    Column day = regexp_extract(text, pattern, 3).cast(DataTypes.IntegerType);
    Column lastDay = dayofmonth(last_day(make_date(year, month, lit(1))));
    // Nested CASE WHENs evaluate in order: each part is cast and combined only once it is known
    // valid.
    return when(
        text.rlike(pattern),
        when(
            month.between(1, 12).and(year.geq(1)),
            when(day.between(lit(1), lastDay), make_date(year, month, day))));
  }

  private static StructType withCorrupt(StructType schema) {
    return schema.add(CORRUPT, DataTypes.StringType);
  }
}
