package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import io.moviestatus.lake.ScalaCollections;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The EASE ranking model ({@link Ease}) with its taste weight β, scored on the executors from a
 * broadcast of its weights; "because" movies are the user's movies with the largest weight on the
 * recommended one.
 */
final class EaseModel implements Ranker {

  private final Ease ease;
  private final double beta;
  private final RankingModel ials;
  private final double ialsWeight;

  EaseModel(Ease ease, double beta) {
    this(ease, beta, null, 0);
  }

  /** Blended with implicit ALS: (1 − w)·z(EASE) + w·z(iALS) over the unrated movies EASE models. */
  EaseModel(Ease ease, double beta, RankingModel ials, double ialsWeight) {
    this.ease = ease;
    this.beta = beta;
    this.ials = ialsWeight > 0 ? ials : null;
    this.ialsWeight = ialsWeight;
  }

  /**
   * Most ratings EASE is fitted on: {@link #fit} collects the modelled movies' ratings on the
   * driver, grouped by user (about 40 bytes a rating there: 5 M ratings, about 200 MB). Above it
   * implicit ALS ranks, as above the movie bound.
   */
  static final long MAX_RATINGS = 5_000_000;

  /** {@link #movies(Dataset, int, int, long)} with at most {@link #MAX_RATINGS} ratings on them. */
  static int[] movies(Dataset<Row> ratings, int minRatings, int maxItems) {
    return movies(ratings, minRatings, maxItems, MAX_RATINGS);
  }

  /**
   * The movies of {@code ratings} (user_index, movie_id, rating) with at least {@code minRatings}
   * ratings, when they are at most {@code maxItems} and hold at most {@code maxRatings} ratings;
   * empty otherwise (EASE is not tried).
   */
  static int[] movies(Dataset<Row> ratings, int minRatings, int maxItems, long maxRatings) {
    List<Row> rows =
        ratings
            .groupBy("movie_id")
            .count()
            .filter(col("count").geq(minRatings))
            .orderBy("movie_id")
            .limit(maxItems + 1)
            .collectAsList();
    long held = rows.stream().mapToLong(r -> r.getLong(1)).sum();
    if (rows.size() > maxItems || held > maxRatings) {
      return new int[0];
    }
    return rows.stream().mapToInt(r -> r.getInt(0)).toArray();
  }

  /** Fits on {@code ratings} (user_index, movie_id, rating) over {@code movies}. */
  static Ease fit(Dataset<Row> ratings, int[] movies, double lambda, double relevantRating) {
    List<Row> users =
        ratings
            .filter(col("movie_id").isin(Arrays.stream(movies).boxed().toArray()))
            .groupBy("user_index")
            .agg(collect_list(col("movie_id")).as("m"), collect_list(col("rating")).as("r"))
            .collectAsList();
    List<Ease.UserRatings> lists = new ArrayList<>(users.size());
    for (Row row : users) {
      List<Integer> m = row.getList(1);
      List<Float> r = row.getList(2);
      int[] ids = new int[m.size()];
      float[] values = new float[m.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = m.get(i);
        values[i] = r.get(i);
      }
      lists.add(new Ease.UserRatings(ids, values));
    }
    return Ease.fit(lists, movies, lambda, relevantRating);
  }

  @Override
  public Dataset<Row> lists(Dataset<Row> users, int[] fallback, int k, boolean explain) {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<Ease> shared = context.broadcast(ease);
    Broadcast<ItemFactors> factors = ials == null ? null : context.broadcast(ials.items());
    double b = beta;
    double w = ialsWeight;
    int[] order = fallback.clone();
    Dataset<Row> input =
        ials == null
            ? users
            : users.join(
                ials.als.userFactors().select(col("id").as("user_index"), col("features")),
                new String[] {"user_index"},
                "left");
    return input.map(
        (MapFunction<Row, Row>)
            row -> {
              Ease model = shared.value();
              List<Integer> ratedList = row.getList(row.fieldIndex("rated"));
              List<Float> ratingList = row.getList(row.fieldIndex("ratings"));
              int[] rated = new int[ratedList.size()];
              float[] ratings = new float[rated.length];
              for (int i = 0; i < rated.length; i++) {
                rated[i] = ratedList.get(i);
                ratings[i] = ratingList.get(i);
              }
              Set<Integer> exclude = new HashSet<>(ratedList);
              List<Integer> movies = new ArrayList<>();
              List<Double> scores = new ArrayList<>();
              double[] scores0 = model.scores(rated, ratings, b);
              if (factors != null && !row.isNullAt(row.fieldIndex("features"))) {
                List<Float> f = row.getList(row.fieldIndex("features"));
                float[] user = new float[f.size()];
                for (int i = 0; i < user.length; i++) {
                  user[i] = f.get(i);
                }
                ItemFactors items = factors.value();
                int[] ids = model.ids();
                double[] other = new double[ids.length];
                for (int j = 0; j < ids.length; j++) {
                  int p = items.position(ids[j]);
                  other[j] = p < 0 ? Double.NaN : items.dot(user, p);
                }
                scores0 = model.blend(scores0, other, w, exclude);
              }
              for (TopK.Scored scored : model.top(scores0, exclude, k)) {
                movies.add(scored.movieId());
                scores.add(scored.score());
              }
              // Too few movies the model knows: the fallback tops the list up.
              if (movies.size() < k) {
                Set<Integer> taken = new HashSet<>(exclude);
                taken.addAll(movies);
                for (int movie : TopK.firstNotIn(order, taken, k - movies.size())) {
                  movies.add(movie);
                  scores.add(0.0);
                }
              }
              List<scala.collection.Seq<Integer>> because = new ArrayList<>();
              if (explain) {
                int[] basis = Scoring.becauseBasis(row, ratedList);
                for (int movie : movies) {
                  because.add(
                      ScalaCollections.asScala(Scoring.boxed(model.because(movie, basis, 3))));
                }
              }
              return RowFactory.create(
                  row.getInt(row.fieldIndex("user_index")),
                  ScalaCollections.asScala(movies),
                  ScalaCollections.asScala(scores),
                  ScalaCollections.asScala(because));
            },
        Encoders.row(Scoring.LISTS));
  }

  /**
   * One binary file {@code <path>/weights.bin} (big-endian): n, the taste shift, β, the n movie
   * ids, then the rated and the taste matrices row by row as floats (n² each).
   */
  @Override
  public void save(String path) {
    Path file = new Path(path + "/weights.bin");
    try {
      FileSystem fs =
          file.getFileSystem(SparkSession.active().sparkContext().hadoopConfiguration());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(fs.create(file, true), 1 << 20))) {
        ease.write(out, beta);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save the EASE model to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void materialise() {
    // fitted eagerly
  }
}
