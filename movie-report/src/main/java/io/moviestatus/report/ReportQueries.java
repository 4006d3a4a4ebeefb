package io.moviestatus.report;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import io.moviestatus.lake.LakeWriter;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.Tables;
import io.moviestatus.report.ReportData.Count;
import io.moviestatus.report.ReportData.Metrics;
import io.moviestatus.report.ReportData.Mover;
import io.moviestatus.report.ReportData.ScatterMovie;
import io.moviestatus.report.ReportData.TopMovie;
import io.moviestatus.report.ReportData.Trend;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The report's queries: Spark aggregates over the lake's tables, each collected as a small result
 * (top 20, top 10 × days, at most {@value #SCATTER_LIMIT} scatter points, counts per day).
 */
final class ReportQueries {

  static final int TOP = 20;
  static final int TRENDS = 10;
  static final int MOVERS = 10;
  static final int SCATTER_LIMIT = 200;
  static final int MODEL_VERSIONS = 12;
  static final int CHANGE_DAYS = 7;

  private final LakeLayout lake;
  private final LakeWriter tables;

  ReportQueries(SparkSession spark, LakeLayout lake) {
    requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.tables = new LakeWriter(spark, lake);
  }

  /** The report's date: {@code requested}, checked, or the latest date of movie_rankings. */
  LocalDate resolveDate(LocalDate requested) {
    Dataset<Row> rankings = tables.read(Tables.MOVIE_RANKINGS);
    if (requested != null) {
      if (rankings.filter(col("date_id").equalTo(Date.valueOf(requested))).isEmpty()) {
        throw new IllegalArgumentException(
            "gold movie_rankings has no rows for " + requested + ": run gold for that date first");
      }
      return requested;
    }
    Row latest = rankings.agg(max("date_id")).head();
    if (latest.isNullAt(0)) {
      throw new MissingPrerequisiteException(
          "gold movie_rankings is empty at "
              + lake.tablePath(Tables.MOVIE_RANKINGS)
              + ": run silver and gold first");
    }
    return latest.getDate(0).toLocalDate();
  }

  ReportData load(LocalDate requested, int days, Instant generatedAt) {
    LocalDate day = resolveDate(requested);
    LocalDate from = day.minusDays(days - 1L);
    Dataset<Row> rankings = tables.read(Tables.MOVIE_RANKINGS);
    Dataset<Row> titles = tables.read(Tables.MOVIES_DIM).select("movie_id", "title");
    Column inWindow = col("date_id").between(Date.valueOf(from), Date.valueOf(day));
    Column onDay = col("date_id").equalTo(Date.valueOf(day));

    List<LocalDate> dates =
        rankings
            .filter(inWindow)
            .select("date_id")
            .distinct()
            .orderBy("date_id")
            .collectAsList()
            .stream()
            .map(r -> r.getDate(0).toLocalDate())
            .toList();
    LocalDate base = changeBase(rankings, day);

    // the day's top 20, their popularity over the window and their rank on the base date
    List<Row> topRows =
        rankings
            .filter(onDay)
            .join(titles, "movie_id")
            .orderBy(col("popularity_rank"), col("movie_id"))
            .select("movie_id", "title", "popularity", "weighted_rating", "popularity_rank")
            .limit(TOP)
            .collectAsList();
    Object[] topIds = topRows.stream().map(r -> r.getInt(0)).toArray();
    Map<Integer, Map<LocalDate, Double>> series = new HashMap<>();
    if (topIds.length > 0) {
      for (Row r :
          rankings
              .filter(inWindow.and(col("movie_id").isin(topIds)))
              .select("movie_id", "date_id", "popularity")
              .collectAsList()) {
        series
            .computeIfAbsent(r.getInt(0), k -> new HashMap<>())
            .put(r.getDate(1).toLocalDate(), number(r, 2));
      }
    }
    Map<Integer, Integer> baseRanks = new HashMap<>();
    if (base != null && topIds.length > 0) {
      for (Row r :
          rankings
              .filter(col("date_id").equalTo(Date.valueOf(base)).and(col("movie_id").isin(topIds)))
              .select("movie_id", "popularity_rank")
              .collectAsList()) {
        baseRanks.put(r.getInt(0), r.getInt(1));
      }
    }
    List<TopMovie> top = new ArrayList<>();
    List<Trend> trends = new ArrayList<>();
    for (Row r : topRows) {
      int id = r.getInt(0);
      int rank = r.getInt(4);
      String title = title(r, 1, id);
      Map<LocalDate, Double> byDay = series.getOrDefault(id, Map.of());
      List<Double> values = new ArrayList<>();
      for (LocalDate d : dates) {
        values.add(byDay.get(d));
      }
      Integer before = baseRanks.get(id);
      top.add(
          new TopMovie(
              rank,
              id,
              title,
              number(r, 2),
              number(r, 3),
              before == null ? null : before - rank,
              values));
      if (top.size() <= TRENDS) {
        for (LocalDate d : dates) {
          Double v = byDay.get(d);
          if (v != null) {
            trends.add(new Trend(rank, title, d, v));
          }
        }
      }
    }

    List<Mover> movers = base == null ? List.of() : movers(rankings, titles, base, day);

    Dataset<Row> snapshot = rankings.filter(onDay);
    long snapshotSize = snapshot.count();
    List<ScatterMovie> scatter =
        snapshot
            .filter(col("popularity").isNotNull().and(col("weighted_rating").isNotNull()))
            .join(titles, "movie_id")
            .orderBy(col("popularity_rank"), col("movie_id"))
            .select("movie_id", "title", "popularity", "weighted_rating")
            .limit(SCATTER_LIMIT)
            .collectAsList()
            .stream()
            .map(
                r ->
                    new ScatterMovie(
                        r.getInt(0), title(r, 1, r.getInt(0)), number(r, 2), number(r, 3)))
            .toList();

    List<Count> genres =
        counts(
            rankings
                .filter(inWindow)
                .select("date_id", "movie_id")
                .join(tables.read(Tables.MOVIES_GENRES), "movie_id")
                .join(tables.read(Tables.GENRES_DIM), "genre_id")
                .groupBy(col("date_id").as("key"), col("genre").as("series"))
                .agg(count(lit(1)).as("n")));

    Dataset<Row> ratings = tables.read(Tables.RATINGS_FACT);
    List<Count> ratingsPerDay =
        counts(
            ratings
                .filter(inWindow)
                .groupBy(col("date_id").as("key"), lit("ratings").as("series"))
                .agg(count(lit(1)).as("n")));
    List<Count> distribution =
        counts(
            ratings
                .filter(col("date_id").leq(Date.valueOf(day)))
                .groupBy(col("rating").as("key"), lit("ratings").as("series"))
                .agg(count(lit(1)).as("n")));

    Column quarantineDay = coalesce(col("snapshot_date"), to_date(col("quarantined_at"))).as("key");
    List<Count> quarantine =
        counts(
            tables
                .read(Tables.QUARANTINE)
                .select(quarantineDay, col("reason"))
                .filter(col("key").between(Date.valueOf(from), Date.valueOf(day)))
                .groupBy(col("key"), col("reason").as("series"))
                .agg(count(lit(1)).as("n")));
    Column processedDay = coalesce(col("snapshot_date"), to_date(col("processed_at"))).as("key");
    List<Count> processed =
        counts(
            tables
                .read(Tables.PROCESSED_FILES)
                .select(processedDay, col("source"))
                .filter(col("key").between(Date.valueOf(from), Date.valueOf(day)))
                .groupBy(col("key"), col("source").as("series"))
                .agg(count(lit(1)).as("n")));

    return new ReportData(
        day,
        days,
        lake.root(),
        generatedAt,
        base,
        dates,
        top,
        trends,
        movers,
        scatter,
        snapshotSize,
        genres,
        ratingsPerDay,
        distribution,
        metrics(tables.read(Tables.RECOMMENDER_METRICS)),
        quarantine,
        processed);
  }

  /**
   * The date ranks are compared with: the latest snapshot at least 7 days before {@code day}, or,
   * while the lake holds less history, its earliest snapshot before {@code day}; null when none.
   */
  private static LocalDate changeBase(Dataset<Row> rankings, LocalDate day) {
    Row weekAgo =
        rankings
            .filter(col("date_id").leq(Date.valueOf(day.minusDays(CHANGE_DAYS))))
            .agg(max("date_id"))
            .head();
    if (!weekAgo.isNullAt(0)) {
      return weekAgo.getDate(0).toLocalDate();
    }
    Row earliest = rankings.filter(col("date_id").lt(Date.valueOf(day))).agg(min("date_id")).head();
    return earliest.isNullAt(0) ? null : earliest.getDate(0).toLocalDate();
  }

  private static List<Mover> movers(
      Dataset<Row> rankings, Dataset<Row> titles, LocalDate base, LocalDate day) {
    Dataset<Row> now =
        rankings
            .filter(col("date_id").equalTo(Date.valueOf(day)))
            .select(col("movie_id"), col("popularity_rank").as("rank_now"));
    Dataset<Row> then =
        rankings
            .filter(col("date_id").equalTo(Date.valueOf(base)))
            .select(col("movie_id"), col("popularity_rank").as("rank_before"));
    Dataset<Row> changes =
        now.join(then, "movie_id")
            .withColumn("change", col("rank_before").minus(col("rank_now")))
            .join(titles, "movie_id")
            .select("movie_id", "title", "rank_before", "rank_now", "change");
    List<Mover> movers = new ArrayList<>();
    for (Row r :
        changes
            .filter(col("change").gt(0))
            .orderBy(col("change").desc(), col("rank_now"), col("movie_id"))
            .limit(MOVERS)
            .collectAsList()) {
      movers.add(new Mover(r.getInt(0), title(r, 1, r.getInt(0)), r.getInt(2), r.getInt(3)));
    }
    for (Row r :
        changes
            .filter(col("change").lt(0))
            .orderBy(col("change"), col("rank_now"), col("movie_id"))
            .limit(MOVERS)
            .collectAsList()) {
      movers.add(new Mover(r.getInt(0), title(r, 1, r.getInt(0)), r.getInt(2), r.getInt(3)));
    }
    return movers;
  }

  /** Rows of (key, series, n), ordered by key then series. */
  private static List<Count> counts(Dataset<Row> grouped) {
    return grouped.orderBy(col("key"), col("series")).collectAsList().stream()
        .map(r -> new Count(String.valueOf(r.get(0)), String.valueOf(r.get(1)), r.getLong(2)))
        .toList();
  }

  /** The metrics table with whatever columns it has, newest model first. */
  private static Metrics metrics(Dataset<Row> table) {
    StructField[] fields = table.schema().fields();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    Column order = null;
    for (StructField field : fields) {
      columns.add(field.name());
      types.add(field.dataType().simpleString());
      if (order == null && field.dataType().equals(DataTypes.TimestampType)) {
        order = col(field.name()).desc_nulls_last();
      }
    }
    if (fields.length == 0) {
      return new Metrics(List.of(), List.of(), List.of());
    }
    Dataset<Row> ordered =
        table.orderBy(
            order == null ? col(fields[0].name()).desc_nulls_last() : order, col(fields[0].name()));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : ordered.limit(MODEL_VERSIONS).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        Object value = r.get(i);
        values.add(value instanceof java.sql.Timestamp t ? t.toInstant() : value);
      }
      rows.add(values);
    }
    return new Metrics(columns, types, rows);
  }

  private static Double number(Row row, int index) {
    return row.isNullAt(index) ? null : ((Number) row.get(index)).doubleValue();
  }

  private static String title(Row row, int index, int movieId) {
    return row.isNullAt(index) ? "movie " + movieId : row.getString(index);
  }
}
