package io.moviestatus.transform.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code row_number() OVER (PARTITION BY groups ORDER BY order)} without a window that sorts a
 * whole group in one task. Pure: {@code Dataset<Row> -> Dataset<Row>}, the same rows with the rank
 * column added.
 *
 * <p>The order must be total within a group (its last key unique there, as movie_id is per date):
 * then the row number is the number of rows before the row in that order, plus one. Each group is
 * cut into value ranges (buckets) by bounds taken from a deterministic sample of its sort keys: a
 * row's bucket is the number of bounds at or below its key, so a lower key never falls in a higher
 * bucket and equal keys share one. Then, all distributed:
 *
 * <ol>
 *   <li>the rows per (group, bucket): a small table; the offset of a bucket is the sum of the rows
 *       of the group's lower buckets (a window over that small table);
 *   <li>the rank = the bucket's offset + the row number within (group, bucket): a window per
 *       bucket, so a group is sorted by as many tasks as it has buckets.
 * </ol>
 *
 * Every step is a function of the rows' values (no partition ids, no collected state), so the frame
 * can be evaluated any number of times, in any partitioning, with the same ranks.
 */
final class SpreadRank {

  private static final String KEY = "spread_rank_key__";
  private static final String SAMPLE = "spread_rank_sample__";
  private static final String BOUNDS = "spread_rank_bounds__";
  private static final String BUCKET = "spread_rank_bucket__";
  private static final String ROWS = "spread_rank_rows__";
  private static final String OFFSET = "spread_rank_offset__";
  private static final String GROUP = "spread_rank_group__";

  /** At most this many buckets per group: each row compares its key with every bound. */
  static final int MAX_BUCKETS = 256;

  private SpreadRank() {}

  /**
   * One key of the order: a column, ascending or descending, nulls first or last (Spark's defaults:
   * ascending nulls first, descending nulls last). A descending key must be numeric.
   */
  record Order(String column, boolean descending, boolean nullsFirst) {

    Order {
      requireNonNull(column, "column is null");
    }

    static Order asc(String column) {
      return new Order(column, false, true);
    }

    static Order desc(String column) {
      return new Order(column, true, false);
    }

    /** The sort expression of the window. */
    Column sort() {
      Column c = col(column);
      if (descending) {
        return nullsFirst ? c.desc_nulls_first() : c.desc_nulls_last();
      }
      return nullsFirst ? c.asc_nulls_first() : c.asc_nulls_last();
    }

    /**
     * Fields whose ascending order (struct comparison) is this key's order: where nulls go, then
     * for a descending key where NaN goes (first: Spark sorts NaN above every number) and the
     * negated value.
     */
    List<Column> ascendingFields() {
      Column c = col(column);
      List<Column> fields = new ArrayList<>();
      fields.add(nullsFirst ? c.isNotNull() : c.isNull());
      if (descending) {
        fields.add(when(isnan(c), lit(0)).otherwise(lit(1)));
        fields.add(c.unary_$minus());
      } else {
        fields.add(c);
      }
      return fields;
    }
  }

  /**
   * How a group is cut: into at most {@code buckets} ranges, with bounds from one row in {@code
   * sampleEvery} (by hash of its key).
   */
  record Spread(int buckets, int sampleEvery) {

    Spread {
      if (buckets < 1 || buckets > MAX_BUCKETS) {
        throw new IllegalArgumentException(
            "buckets must be 1 to " + MAX_BUCKETS + ", was " + buckets);
      }
      if (sampleEvery < 1) {
        throw new IllegalArgumentException("sampleEvery must be >= 1, was " + sampleEvery);
      }
    }

    /**
     * Four buckets per core of the session (so that hashing buckets to tasks keeps every core busy)
     * and bounds from one row in 64: a million-row group gives about 16,000 sample keys.
     */
    static Spread of(SparkSession spark) {
      int cores = spark.sparkContext().defaultParallelism();
      return new Spread(Math.max(2, Math.min(MAX_BUCKETS, 4 * cores)), 64);
    }

    /** One bucket (the plain window): below a few thousand rows the extra passes cost more. */
    static Spread single() {
      return new Spread(1, 1);
    }
  }

  /**
   * {@code rows} with {@code rankColumn} (int) = the row number of each row within its group of
   * {@code groups} in {@code order}, which must be total within a group.
   */
  static Dataset<Row> rank(
      Dataset<Row> rows, String rankColumn, List<String> groups, List<Order> order, Spread spread) {
    requireNonNull(rows, "rows is null");
    requireNonNull(rankColumn, "rankColumn is null");
    requireNonNull(spread, "spread is null");
    if (order.isEmpty()) {
      throw new IllegalArgumentException("order is empty");
    }
    Column[] sorts = order.stream().map(Order::sort).toArray(Column[]::new);
    if (spread.buckets() == 1) {
      // One bucket: the plain window, the cheapest for a small batch.
      return rows.withColumn(
          rankColumn, row_number().over(Window.partitionBy(columns(groups)).orderBy(sorts)));
    }
    Column key =
        struct(order.stream().flatMap(k -> k.ascendingFields().stream()).toArray(Column[]::new));
    Dataset<Row> bucketed = withBucket(rows.withColumn(KEY, key), groups, spread);

    List<String> groupBucket = new ArrayList<>(groups);
    groupBucket.add(BUCKET);
    Dataset<Row> offsets =
        bucketed
            .groupBy(columns(groupBucket))
            .agg(count(lit(1)).as(ROWS))
            .withColumn(
                OFFSET,
                // the frame holds the bucket itself, never empty: coalesce only declares non-null
                coalesce(
                        sum(col(ROWS))
                            .over(
                                Window.partitionBy(columns(groups))
                                    .orderBy(col(BUCKET))
                                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow())),
                        lit(0L))
                    .minus(col(ROWS)))
            .drop(ROWS);
    Column rank =
        col(OFFSET)
            .plus(row_number().over(Window.partitionBy(columns(groupBucket)).orderBy(sorts)))
            .cast(DataTypes.IntegerType);
    List<Column> output = new ArrayList<>(List.of(columns(List.of(rows.columns()))));
    output.add(rank.as(rankColumn));
    return joinSmall(bucketed, offsets, groupBucket, "inner").select(output.toArray(Column[]::new));
  }

  /** {@code keyed} with each row's bucket: the number of its group's bounds at or below its key. */
  private static Dataset<Row> withBucket(Dataset<Row> keyed, List<String> groups, Spread spread) {
    Column sampled =
        spread.sampleEvery() == 1
            ? lit(true)
            : pmod(xxhash64(col(KEY)), lit((long) spread.sampleEvery())).equalTo(lit(0L));
    // The sample of a group, sorted; bounds at every (size / buckets)-th key of it.
    Dataset<Row> bounds =
        keyed
            .filter(sampled)
            .groupBy(columns(groups))
            .agg(sort_array(collect_list(col(KEY))).as(SAMPLE))
            .select(
                columns(
                    groups,
                    expr(String.format(
                            "transform(sequence(1, %d), i -> `%s`[cast(i * size(`%s`) div %d as int)])",
                            spread.buckets() - 1, SAMPLE, SAMPLE, spread.buckets()))
                        .as(BOUNDS)));
    Column bucket =
        when(col(BOUNDS).isNull(), lit(0))
            .otherwise(expr(String.format("size(filter(`%s`, b -> b <= `%s`))", BOUNDS, KEY)));
    List<Column> output = new ArrayList<>(List.of(columns(List.of(keyed.columns()))));
    output.add(bucket.as(BUCKET));
    return joinSmall(keyed, bounds, groups, "left").select(output.toArray(Column[]::new));
  }

  /**
   * {@code rows} joined with the broadcast {@code small} table on {@code keys} (null-safe), the
   * small table's key columns renamed apart.
   */
  private static Dataset<Row> joinSmall(
      Dataset<Row> rows, Dataset<Row> small, List<String> keys, String joinType) {
    Dataset<Row> renamed = small;
    Column condition = lit(true);
    for (int i = 0; i < keys.size(); i++) {
      renamed = renamed.withColumnRenamed(keys.get(i), GROUP + i);
      condition = condition.and(col(keys.get(i)).eqNullSafe(col(GROUP + i)));
    }
    return rows.join(broadcast(renamed), condition, joinType);
  }

  private static Column[] columns(List<String> names, Column... more) {
    List<Column> all = new ArrayList<>();
    names.forEach(name -> all.add(col(name)));
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }
}
