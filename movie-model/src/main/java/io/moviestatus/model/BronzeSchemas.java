package io.moviestatus.model;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schemas of the {@link BronzeContract bronze contract}: the envelope line and the TMDB
 * bodies it carries. Kept apart from {@link BronzeContract} so that writers of bronze need no
 * Spark.
 */
public final class BronzeSchemas {

  /** Schema of one envelope line. */
  public static final StructType ENVELOPE_SCHEMA =
      new StructType()
          .add(BronzeContract.ENDPOINT, DataTypes.StringType)
          .add(BronzeContract.SNAPSHOT_DATE, DataTypes.StringType)
          .add(BronzeContract.FETCHED_AT, DataTypes.StringType)
          .add(
              BronzeContract.REQUEST,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true))
          .add(BronzeContract.PAGE, DataTypes.IntegerType)
          .add(BronzeContract.TOP_N, DataTypes.IntegerType)
          .add(BronzeContract.HTTP_STATUS, DataTypes.IntegerType)
          .add(BronzeContract.BODY, DataTypes.StringType);

  /**
   * Schema of a discover page body. {@code results} is read as raw JSON text per element so that a
   * bad record can be quarantined verbatim; {@link #DISCOVER_RESULT_SCHEMA} parses each element.
   */
  public static final StructType DISCOVER_PAGE_SCHEMA =
      new StructType()
          .add("page", DataTypes.IntegerType)
          .add("total_pages", DataTypes.IntegerType)
          .add("total_results", DataTypes.IntegerType)
          .add("results", DataTypes.createArrayType(DataTypes.StringType, true));

  /** Schema of one element of a discover page's {@code results}. */
  public static final StructType DISCOVER_RESULT_SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("title", DataTypes.StringType)
          .add("original_title", DataTypes.StringType)
          .add("original_language", DataTypes.StringType)
          .add("overview", DataTypes.StringType)
          .add("poster_path", DataTypes.StringType)
          .add("backdrop_path", DataTypes.StringType)
          .add("release_date", DataTypes.StringType)
          .add("genre_ids", DataTypes.createArrayType(DataTypes.LongType, true))
          .add("popularity", DataTypes.DoubleType)
          .add("vote_average", DataTypes.DoubleType)
          .add("vote_count", DataTypes.LongType)
          .add("adult", DataTypes.BooleanType)
          .add("video", DataTypes.BooleanType);

  /** Schema of the genre list body; genres are raw JSON text per element (see above). */
  public static final StructType GENRE_LIST_SCHEMA =
      new StructType().add("genres", DataTypes.createArrayType(DataTypes.StringType, true));

  /** Schema of one genre element. */
  public static final StructType GENRE_SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);

  private BronzeSchemas() {}
}
