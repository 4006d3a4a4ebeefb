package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

import io.moviestatus.lake.ScalaCollections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed top-k lists and their metrics. The item side (factors or a global order) is
 * broadcast; each user's list is chosen in one pass over the catalogue by {@link TopK}.
 */
final class Scoring {

  /** One list per user: movies best first, their scores, and per movie the "because" movies. */
  static final StructType LISTS =
      new StructType()
          .add("user_index", DataTypes.IntegerType, false)
          .add("movies", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("scores", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
          .add(
              "because",
              DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false)),
              false);

  private static final StructType USER_METRICS =
      new StructType()
          .add("precision", DataTypes.DoubleType, false)
          .add("ndcg", DataTypes.DoubleType, false)
          .add("recall", DataTypes.DoubleType, false);

  private Scoring() {}

  /**
   * Per user of {@code ratings} (user_index, movie_id, rating): {@code rated} (every movie), {@code
   * ratings} (their ratings, same order: one aggregation collects both) and {@code liked} (movies
   * rated ≥ {@code relevantRating}).
   */
  static Dataset<Row> ratedByUser(Dataset<Row> ratings, double relevantRating) {
    return ratings
        .groupBy("user_index")
        .agg(
            collect_list(col("movie_id")).as("rated"),
            collect_list(col("rating")).as("ratings"),
            expr("collect_list(CASE WHEN rating >= " + relevantRating + " THEN movie_id END)")
                .as("liked"));
  }

  /**
   * Lists by factors: {@code users} carries user_index, rated, liked and {@code features} (null:
   * the user has no factors and gets the first unrated movies of {@code fallback}). With {@code
   * explain}, each movie carries up to 3 of the user's liked movies (all rated ones when none is
   * liked) most similar to it.
   */
  static Dataset<Row> byFactors(
      Dataset<Row> users, ItemFactors items, int[] fallback, int k, boolean explain) {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<ItemFactors> shared = context.broadcast(items);
    int[] order = fallback.clone();
    return users.map(
        (MapFunction<Row, Row>)
            row -> {
              ItemFactors factors = shared.value();
              Set<Integer> rated = new HashSet<>(row.<Integer>getList(row.fieldIndex("rated")));
              List<Float> features =
                  row.isNullAt(row.fieldIndex("features"))
                      ? null
                      : row.<Float>getList(row.fieldIndex("features"));
              List<Integer> movies = new ArrayList<>();
              List<Double> scores = new ArrayList<>();
              if (features == null) {
                for (int movie : TopK.firstNotIn(order, rated, k)) {
                  movies.add(movie);
                  scores.add(0.0);
                }
              } else {
                float[] user = new float[features.size()];
                for (int f = 0; f < user.length; f++) {
                  user[f] = features.get(f);
                }
                for (TopK.Scored scored : TopK.byDot(user, factors, rated, k)) {
                  movies.add(scored.movieId());
                  scores.add(scored.score());
                }
              }
              List<List<Integer>> because = new ArrayList<>();
              if (explain) {
                int[] basis = becauseBasis(row, rated);
                for (int movie : movies) {
                  because.add(boxed(TopK.mostSimilar(factors, movie, basis, 3)));
                }
              }
              List<scala.collection.Seq<Integer>> nested = new ArrayList<>();
              for (List<Integer> b : because) {
                nested.add(seq(b));
              }
              return RowFactory.create(
                  row.getInt(row.fieldIndex("user_index")), seq(movies), seq(scores), seq(nested));
            },
        Encoders.row(LISTS));
  }

  /** Lists by one global order (best first) for {@code users} (user_index, rated). */
  static Dataset<Row> byOrder(Dataset<Row> users, int[] ordered, int k) {
    int[] order = ordered.clone();
    return users.map(
        (MapFunction<Row, Row>)
            row -> {
              Set<Integer> rated = new HashSet<>(row.<Integer>getList(row.fieldIndex("rated")));
              List<Integer> movies = boxed(TopK.firstNotIn(order, rated, k));
              List<Double> scores =
                  new ArrayList<>(java.util.Collections.nCopies(movies.size(), 0.0));
              return RowFactory.create(
                  row.getInt(row.fieldIndex("user_index")),
                  seq(movies),
                  seq(scores),
                  seq(List.of()));
            },
        Encoders.row(LISTS));
  }

  /**
   * precision@k, NDCG@k and recall@k of {@code lists} averaged over the users of {@code relevant}
   * (user_index, relevant ARRAY&lt;INT&gt;, non-empty; a user without a list scores 0); coverage =
   * distinct movies of all lists / {@code catalogue} (NaN when catalogue is 0).
   */
  static Metrics metrics(Dataset<Row> lists, Dataset<Row> relevant, long catalogue, int k) {
    Dataset<Row> perUser =
        relevant
            .join(lists.select("user_index", "movies"), new String[] {"user_index"}, "left")
            .map(
                (MapFunction<Row, Row>)
                    row -> {
                      Set<Integer> truth =
                          new HashSet<>(row.<Integer>getList(row.fieldIndex("relevant")));
                      int movies = row.fieldIndex("movies");
                      int[] list =
                          row.isNullAt(movies)
                              ? new int[0]
                              : row.<Integer>getList(movies).stream()
                                  .mapToInt(Integer::intValue)
                                  .toArray();
                      RankingMetrics m = RankingMetrics.of(list, truth, k);
                      return RowFactory.create(m.precision(), m.ndcg(), m.recall());
                    },
                Encoders.row(USER_METRICS));
    Row mean = perUser.agg(avg("precision"), avg("ndcg"), avg("recall")).head();
    double coverage =
        catalogue == 0
            ? Double.NaN
            : (double) lists.select(explode(col("movies")).as("m")).distinct().count() / catalogue;
    return new Metrics(
        mean.isNullAt(0) ? Double.NaN : mean.getDouble(0),
        mean.isNullAt(1) ? Double.NaN : mean.getDouble(1),
        mean.isNullAt(2) ? Double.NaN : mean.getDouble(2),
        coverage,
        Double.NaN);
  }

  /**
   * Per user of {@code heldOut} (user_index, movie_id, rating): the movies rated ≥ {@code
   * relevantRating}, as {@code relevant}; users without any are left out.
   */
  static Dataset<Row> relevantByUser(Dataset<Row> heldOut, double relevantRating) {
    return heldOut
        .filter(col("rating").geq(relevantRating))
        .groupBy("user_index")
        .agg(collect_list(col("movie_id")).as("relevant"));
  }

  /** A Scala Seq, the external type of an array column in a Row. */
  private static <T> scala.collection.Seq<T> seq(List<T> values) {
    return ScalaCollections.asScala(values);
  }

  /**
   * The movies a "because" explanation may name: the user's movies rated at least 4 (the row's
   * {@code liked} column), or every rated movie when there are none.
   */
  static int[] becauseBasis(Row row, Collection<Integer> rated) {
    List<Integer> liked = row.getList(row.fieldIndex("liked"));
    return (liked.isEmpty() ? rated : liked).stream().mapToInt(Integer::intValue).toArray();
  }

  static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
