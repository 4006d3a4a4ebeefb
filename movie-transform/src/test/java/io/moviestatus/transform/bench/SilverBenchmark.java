package io.moviestatus.transform.bench;

import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Silver build benchmark: generates TMDB-shaped bronze for N movies × D days and measures a full
 * build of all days, and one incremental day early in history (days 2–4, median) against one late
 * in history (days D-2..D, median). Target: late ≤ 1.3 × early.
 *
 * <pre>
 * ./mvnw -B -q -o install -DskipTests
 * ./mvnw -B -q -o -pl movie-transform test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.cleanupDaemonThreads=false \
 *     -Dexec.mainClass=io.moviestatus.transform.bench.SilverBenchmark -Dexec.args="10000 30 target/silver-bench"
 * </pre>
 *
 * (The Spark --add-opens flags come from .mvn/jvm.config, which Maven's own JVM reads.)
 */
public final class SilverBenchmark {

  private static final String[] LANGUAGES = {"en", "fr", "ja", "ko", "es", "de"};
  private static final long[] GENRES = {
    28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 53, 10752, 37
  };

  private SilverBenchmark() {}

  public static void main(String[] args) throws IOException {
    int movies = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path work = Path.of(args.length > 2 ? args[2] : "target/silver-bench").toAbsolutePath();
    if (days < 8) {
      throw new IllegalArgumentException("need at least 8 days, got " + days);
    }
    deleteRecursively(work);
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("ERROR");
    LocalDate first = LocalDate.of(2026, 10, 20);
    Generator generator = new Generator(movies, days, 42);
    System.out.printf(
        Locale.ROOT,
        "silver benchmark: %,d movies x %d days (%s to %s), %d cores%n",
        movies,
        days,
        first,
        first.plusDays(days - 1),
        Runtime.getRuntime().availableProcessors());

    // Warm-up (JIT, Spark and Delta code paths) on a throw-away lake.
    Path warm = work.resolve("warmup");
    for (int d = 0; d < 3; d++) {
      generator.write(warm, first.plusDays(d), d);
      build(spark, warm);
    }

    // 1. Full build of every day at once.
    Path full = work.resolve("full");
    long bytes = 0;
    for (int d = 0; d < days; d++) {
      bytes += generator.write(full, first.plusDays(d), d);
    }
    long start = System.nanoTime();
    SilverBuildReport fullReport = build(spark, full);
    double fullSeconds = seconds(start);
    System.out.printf(
        Locale.ROOT,
        "full build: %d files, %.1f MB bronze, %.1f s%n%s%n",
        fullReport.filesBuilt(),
        bytes / 1e6,
        fullSeconds,
        fullReport);

    // 2. Incremental days early and late in history.
    Path lake = work.resolve("incremental");
    generator.write(lake, first, 0);
    build(spark, lake);
    List<Double> early = new ArrayList<>();
    for (int d = 1; d <= 3; d++) {
      early.add(timeDay(spark, generator, lake, first, d));
    }
    for (int d = 4; d < days - 3; d++) {
      generator.write(lake, first.plusDays(d), d);
    }
    build(spark, lake); // catch up the middle of history
    List<Double> late = new ArrayList<>();
    for (int d = days - 3; d < days; d++) {
      late.add(timeDay(spark, generator, lake, first, d));
    }
    double earlyMedian = median(early);
    double lateMedian = median(late);
    System.out.printf(
        Locale.ROOT,
        "incremental day, early (days 2-4): %s s, median %.2f s%n",
        fmt(early),
        earlyMedian);
    System.out.printf(
        Locale.ROOT,
        "incremental day, late (days %d-%d): %s s, median %.2f s%n",
        days - 2,
        days,
        fmt(late),
        lateMedian);
    System.out.printf(
        Locale.ROOT, "late / early = %.2f (target <= 1.30)%n", lateMedian / earlyMedian);
    spark.stop();
  }

  private static double timeDay(
      SparkSession spark, Generator generator, Path lake, LocalDate first, int d)
      throws IOException {
    generator.write(lake, first.plusDays(d), d);
    long start = System.nanoTime();
    SilverBuildReport report = build(spark, lake);
    double elapsed = seconds(start);
    if (report.filesBuilt() != 2) {
      throw new IllegalStateException("expected one day's two files, built " + report.filesBuilt());
    }
    return elapsed;
  }

  private static SilverBuildReport build(SparkSession spark, Path lake) {
    return SilverBuild.builder(spark, LakeLayout.of(lake.toString())).build().run();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * TMDB-shaped bronze: a pool of movies whose popularity drifts daily; each day's top N on
   * 20-movie pages.
   */
  static final class Generator {
    private final int top;
    private final int pool;
    private final double[][] popularity;
    private final long seed;

    Generator(int top, int days, long seed) {
      this.top = top;
      this.pool = top + top / 5;
      this.seed = seed;
      Random random = new Random(seed);
      popularity = new double[days][pool];
      for (int m = 0; m < pool; m++) {
        popularity[0][m] = 1 + random.nextDouble() * 200;
        for (int d = 1; d < days; d++) {
          popularity[d][m] = Math.max(0, popularity[d - 1][m] * (0.9 + 0.2 * random.nextDouble()));
        }
      }
    }

    /** Writes day {@code d}'s discover and genre files; returns the bytes written. */
    long write(Path lake, LocalDate date, int d) throws IOException {
      Integer[] order = new Integer[pool];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingDouble(m -> -popularity[d][m]));
      Path file =
          Path.of(
              BronzeContract.snapshotPath(
                  LakeLayout.of(lake.toString()), Source.DISCOVER_MOVIE, date));
      Files.createDirectories(file.getParent());
      int pages = (top + 19) / 20;
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int p = 0; p < pages; p++) {
          StringBuilder body =
              new StringBuilder("{\"page\":").append(p + 1).append(",\"results\":[");
          for (int i = p * 20; i < Math.min(top, p * 20 + 20); i++) {
            if (i > p * 20) {
              body.append(',');
            }
            movie(body, order[i], d);
          }
          body.append("],\"total_pages\":500,\"total_results\":10000}");
          out.write(envelope("discover/movie", date, p + 1, top, body.toString()));
          out.write('\n');
        }
      }
      Path genres =
          Path.of(
              BronzeContract.snapshotPath(
                  LakeLayout.of(lake.toString()), Source.GENRE_MOVIE_LIST, date));
      Files.createDirectories(genres.getParent());
      StringBuilder list = new StringBuilder("{\"genres\":[");
      for (int g = 0; g < GENRES.length; g++) {
        list.append(g == 0 ? "" : ",")
            .append("{\"id\":")
            .append(GENRES[g])
            .append(",\"name\":\"Genre ")
            .append(GENRES[g])
            .append("\"}");
      }
      Files.writeString(
          genres,
          envelope("genre/movie/list", date, null, null, list.append("]}").toString()) + "\n");
      return Files.size(file) + Files.size(genres);
    }

    private void movie(StringBuilder out, int m, int d) {
      long id = 1000 + m * 7L;
      Random random = new Random(seed * 31 + m);
      out.append("{\"adult\":false,\"backdrop_path\":\"/b")
          .append(id)
          .append(".jpg\",\"genre_ids\":[")
          .append(GENRES[m % GENRES.length])
          .append(',')
          .append(GENRES[(m / 3) % GENRES.length])
          .append("],\"id\":")
          .append(id)
          .append(",\"original_language\":\"")
          .append(LANGUAGES[m % LANGUAGES.length])
          .append("\",\"original_title\":\"Movie ")
          .append(id)
          .append("\",\"overview\":\"A generated overview of movie ")
          .append(id)
          .append(" with some words to make it realistic in size.")
          .append("\",\"popularity\":")
          .append(String.format(Locale.ROOT, "%.3f", popularity[d][m]))
          .append(",\"poster_path\":\"/p")
          .append(id)
          .append(".jpg\",\"release_date\":\"2020-01-01\",\"title\":\"Movie ")
          .append(id)
          .append(d >= 20 && m % 50 == 0 ? " (Director's Cut)" : "")
          .append("\",\"video\":false,\"vote_average\":")
          .append(String.format(Locale.ROOT, "%.1f", 3 + random.nextDouble() * 6))
          .append(",\"vote_count\":")
          .append(100 + random.nextInt(20000) + d * 3)
          .append('}');
    }

    private static String envelope(
        String endpoint, LocalDate date, Integer page, Integer topN, String body) {
      String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"");
      return "{\"endpoint\":\""
          + endpoint
          + "\",\"snapshot_date\":\""
          + date
          + "\",\"fetched_at\":\""
          + date
          + "T05:00:00Z\","
          + "\"request\":{\"sort_by\":\"popularity.desc\",\"page\":\""
          + page
          + "\"},"
          + "\"page\":"
          + page
          + ",\"top_n\":"
          + topN
          + ",\"http_status\":200,\"body\":\""
          + escaped
          + "\"}";
    }
  }
}
