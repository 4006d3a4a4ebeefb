package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LakeWriter;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads stored recommendations from gold {@code user_recommendations}. */
public final class Recommendations {

  private Recommendations() {}

  /**
   * The stored recommendations of a user (by user_key), best first; for a user without any, the
   * cold-start list. Empty when the recommender has not run.
   */
  public static List<Recommendation> forUser(SparkSession spark, LakeLayout lake, String userKey) {
    requireNonNull(spark, "spark is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(userKey, "userKey is null");
    if (!DeltaTables.exists(spark, lake, Tables.USER_RECOMMENDATIONS)) {
      return List.of();
    }
    Dataset<Row> table = new LakeWriter(spark, lake).read(Tables.USER_RECOMMENDATIONS);
    List<Recommendation> own = read(table, userKey);
    return own.isEmpty() ? read(table, Recommender.COLD_START_USER) : own;
  }

  private static List<Recommendation> read(Dataset<Row> table, String userKey) {
    List<Recommendation> list = new ArrayList<>();
    boolean explained = List.of(table.columns()).contains("because_movie_ids");
    for (Row row : table.filter(col("user_key").equalTo(userKey)).orderBy("rank").collectAsList()) {
      int because = explained ? row.fieldIndex("because_movie_ids") : -1;
      list.add(
          new Recommendation(
              row.getInt(row.fieldIndex("rank")),
              row.getInt(row.fieldIndex("movie_id")),
              row.getFloat(row.fieldIndex("score")),
              row.getString(row.fieldIndex("source")),
              because < 0 || row.isNullAt(because) ? List.of() : row.<Integer>getList(because)));
    }
    return list;
  }
}
