package io.moviestatus.recommend;

import io.moviestatus.lake.LocalSpark;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The recommender's building blocks at growing rating counts, for the capacity plan
 * (docs/capacity.md): on synthetic ratings (users = ratings / 100, movies = max(2,000, ratings /
 * 400), movie popularity Zipf-like with exponent 1, half-star ratings from a user and a movie
 * bias), one fit of the ranking model's implicit ALS (rank 32, 10 iterations, regParam 0.2, α 1),
 * one fit of the rating model's explicit ALS (rank 20, 10 iterations) and the top 10 of every user
 * from the implicit model, each timed, with the JVM's peak heap (driver and local executors share
 * it).
 *
 * <pre>
 * MAVEN_OPTS="-Xmx12g -Xss16m $(sed -n 's:.*&lt;spark.add-opens&gt;\(.*\)&lt;/spark.add-opens&gt;.*:\1:p' pom.xml)" \
 *   ./mvnw -B -q -o -pl movie-recommend test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.moviestatus.recommend.AlsScaleBenchmark \
 *   -Dexec.cleanupDaemonThreads=false -Dexec.args="300000 1000000 3000000"
 * </pre>
 */
public final class AlsScaleBenchmark {

  private AlsScaleBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: AlsScaleBenchmark RATINGS [RATINGS...]");
      return;
    }
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("WARN");
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("cores %d, max heap %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(
        "ratings,users,movies,implicit_fit_s,explicit_fit_s,top10_all_users_s,"
            + "ratings_per_core_s_implicit,peak_heap_mb");
    for (String arg : args) {
      long n = Long.parseLong(arg);
      int users = (int) Math.max(1, n / 100);
      int movies = (int) Math.max(2_000, n / 400);
      Dataset<Row> ratings =
          synthetic(spark, n, users, movies, 42L).persist(StorageLevel.MEMORY_ONLY());
      long rows = ratings.count();
      resetPeaks();
      ALS implicit =
          new ALS()
              .setUserCol("user")
              .setItemCol("movie")
              .setRatingCol("rating")
              .setImplicitPrefs(true)
              .setRank(32)
              .setMaxIter(10)
              .setRegParam(0.2)
              .setAlpha(1.0)
              .setNumBlocks(10)
              .setSeed(42L);
      Timed<ALSModel> ranking = Timed.of(() -> implicit.fit(ratings));
      ALS explicit =
          new ALS()
              .setUserCol("user")
              .setItemCol("movie")
              .setRatingCol("rating")
              .setRank(20)
              .setMaxIter(10)
              .setRegParam(0.1)
              .setNumBlocks(10)
              .setSeed(42L);
      Timed<ALSModel> rating = Timed.of(() -> explicit.fit(ratings));
      Timed<Boolean> top =
          Timed.of(
              () -> {
                // every user's list computed and dropped (the noop sink prunes nothing)
                ranking
                    .value()
                    .recommendForAllUsers(10)
                    .write()
                    .format("noop")
                    .mode("overwrite")
                    .save();
                return true;
              });
      System.out.printf(
          "%d,%d,%d,%.1f,%.1f,%.1f,%.0f,%d%n",
          rows,
          users,
          movies,
          ranking.seconds(),
          rating.seconds(),
          top.seconds(),
          rows * 10.0 / (ranking.seconds() * cores),
          peakHeapMb());
      ratings.unpersist(true);
    }
    spark.stop(); // a benchmark main owns its session; library code never stops one
  }

  /** n ratings: Zipf-like movie popularity, a rating from a user bias and a movie bias. */
  static Dataset<Row> synthetic(SparkSession spark, long n, int users, int movies, long seed) {
    int slices = 8;
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      parts.add(i);
    }
    // cumulative weights 1/k of movie rank k, for inverse-CDF sampling
    double[] cdf = new double[movies];
    double sum = 0;
    for (int k = 0; k < movies; k++) {
      sum += 1.0 / (k + 1);
      cdf[k] = sum;
    }
    double total = sum;
    long perSlice = n / slices;
    StructType schema =
        new StructType()
            .add("user", DataTypes.IntegerType)
            .add("movie", DataTypes.IntegerType)
            .add("rating", DataTypes.FloatType);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(
        jsc.parallelize(parts, slices)
            .flatMap(
                slice -> {
                  Random random = new Random(seed + slice);
                  List<Row> rows = new ArrayList<>((int) perSlice);
                  for (long i = 0; i < perSlice; i++) {
                    int user = random.nextInt(users);
                    int movie = search(cdf, random.nextDouble() * total);
                    double bias =
                        ((user * 2654435761L) % 1000) / 1000.0
                            - 0.5
                            + ((movie * 40503L) % 1000) / 1000.0
                            - 0.5;
                    double stars = 3.5 + bias + random.nextGaussian() * 0.8;
                    float half = (float) (Math.round(Math.min(5, Math.max(0.5, stars)) * 2) / 2.0);
                    rows.add(RowFactory.create(user, movie, half));
                  }
                  return rows.iterator();
                }),
        schema);
  }

  private static int search(double[] cdf, double x) {
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  private record Timed<T>(T value, double seconds) {
    static <T> Timed<T> of(Supplier<T> work) {
      long start = System.nanoTime();
      T value = work.get();
      return new Timed<>(value, (System.nanoTime() - start) / 1e9);
    }
  }
}
