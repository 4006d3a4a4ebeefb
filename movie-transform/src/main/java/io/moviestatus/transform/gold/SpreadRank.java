package io.moviestatus.transform.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code row_number() OVER (PARTITION BY groups ORDER BY order)} without a window that sorts a
 * whole group in one task: the same rows with the rank column added.
 *
 * <p>The order must be total within a group (its last key unique there, as movie_id is per date):
 * then the row number is the number of rows before the row in that order, plus one. With more than
 * one bucket the rows are range-partitioned by (groups, order) into that many partitions, as {@code
 * ORDER BY} sorts, and sorted within each: partition i holds no row after a row of partition i + 1,
 * and a group's rows are contiguous within a partition. Then:
 *
 * <ol>
 *   <li>per (group, partition): its rows and the first row's id ({@code
 *       monotonically_increasing_id}, consecutive within a partition, in the sorted order), a small
 *       table; the partition's offset in its group is the sum of the group's rows in lower
 *       partitions (a window over that small table);
 *   <li>rank = offset + (row id − first row id) + 1, joined from the broadcast small table.
 * </ol>
 *
 * The sorted partitions are read twice (the small table, then the ranks), so they are persisted:
 * re-running the range shuffle could draw other range bounds. The {@link Spread} keeps them until
 * it is closed, after the last action on the result. Recomputing a lost cached partition keeps its
 * rows and their order (the same range bounds, a total order), so the ids do not change.
 */
final class SpreadRank {

  private static final String PART = "spread_rank_part__";
  private static final String ROW_ID = "spread_rank_row__";
  private static final String FIRST = "spread_rank_first__";
  private static final String ROWS = "spread_rank_rows__";
  private static final String OFFSET = "spread_rank_offset__";
  private static final String GROUP = "spread_rank_group__";

  /** At most this many range partitions per rank. */
  static final int MAX_BUCKETS = 4096;

  private SpreadRank() {}

  /**
   * One key of the order: a column, ascending or descending, nulls first or last (Spark's defaults:
   * ascending nulls first, descending nulls last).
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

    /** The sort expression. */
    Column sort() {
      Column c = col(column);
      if (descending) {
        return nullsFirst ? c.desc_nulls_first() : c.desc_nulls_last();
      }
      return nullsFirst ? c.asc_nulls_first() : c.asc_nulls_last();
    }
  }

  /**
   * How the ranks are cut: into {@code buckets} range partitions (one: the plain window). Holds the
   * sorted partitions its ranks persisted until {@link #close()}; thread-safe.
   */
  static final class Spread implements AutoCloseable {
    private final int buckets;
    private final List<Dataset<Row>> persisted = new CopyOnWriteArrayList<>();

    private Spread(int buckets) {
      if (buckets < 1 || buckets > MAX_BUCKETS) {
        throw new IllegalArgumentException(
            "buckets must be 1 to " + MAX_BUCKETS + ", was " + buckets);
      }
      this.buckets = buckets;
    }

    /** {@code buckets} range partitions per rank. */
    static Spread of(int buckets) {
      return new Spread(buckets);
    }

    /** One task per group: the plain window (when to use which: GoldBuild.rankPartitions). */
    static Spread single() {
      return of(1);
    }

    int buckets() {
      return buckets;
    }

    /** The sorted partitions held, until {@link #close()}. */
    List<Dataset<Row>> held() {
      return List.copyOf(persisted);
    }

    private Dataset<Row> keep(Dataset<Row> frame) {
      persisted.add(frame);
      return frame;
    }

    /** Releases what the ranks persisted; call after the last action on them. */
    @Override
    public void close() {
      persisted.forEach(frame -> frame.unpersist(false));
      persisted.clear();
    }

    @Override
    public String toString() {
      return "Spread[buckets=" + buckets + "]";
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
    Column[] groupsThenOrder = columns(groups, sorts);
    // Sorted by (groups, order) over `buckets` tasks, as ORDER BY sorts; persisted: read twice.
    Dataset<Row> sorted =
        spread.keep(
            rows.repartitionByRange(spread.buckets(), groupsThenOrder)
                .sortWithinPartitions(groupsThenOrder)
                .withColumn(PART, spark_partition_id())
                .withColumn(ROW_ID, monotonically_increasing_id())
                .persist(StorageLevel.MEMORY_AND_DISK()));

    List<String> groupPart = new ArrayList<>(groups);
    groupPart.add(PART);
    Column rowsBefore =
        sum(col(ROWS))
            .over(
                Window.partitionBy(columns(groups))
                    .orderBy(col(PART))
                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow()))
            .minus(col(ROWS));
    Dataset<Row> offsets =
        sorted
            .groupBy(columns(groupPart))
            // a (group, partition) has a row and the frame holds it, never empty: coalesce only
            // declares the first id and the offset non-null, as the window's row number is
            .agg(count(lit(1)).as(ROWS), coalesce(min(col(ROW_ID)), lit(0L)).as(FIRST))
            .withColumn(OFFSET, coalesce(rowsBefore, lit(0L)))
            .drop(ROWS);
    Column rank =
        col(OFFSET).plus(col(ROW_ID).minus(col(FIRST))).plus(lit(1L)).cast(DataTypes.IntegerType);
    List<Column> output = new ArrayList<>(List.of(columns(List.of(rows.columns()))));
    output.add(rank.as(rankColumn));
    return joinSmall(sorted, offsets, groupPart).select(output.toArray(Column[]::new));
  }

  /**
   * {@code rows} joined with the broadcast {@code small} table on {@code keys} (null-safe), the
   * small table's key columns renamed apart.
   */
  private static Dataset<Row> joinSmall(Dataset<Row> rows, Dataset<Row> small, List<String> keys) {
    Dataset<Row> renamed = small;
    Column condition = lit(true);
    for (int i = 0; i < keys.size(); i++) {
      renamed = renamed.withColumnRenamed(keys.get(i), GROUP + i);
      condition = condition.and(col(keys.get(i)).eqNullSafe(col(GROUP + i)));
    }
    return rows.join(broadcast(renamed), condition, "inner");
  }

  private static Column[] columns(List<String> names, Column... more) {
    List<Column> all = new ArrayList<>();
    names.forEach(name -> all.add(col(name)));
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }
}
