package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.jobs.ShadedJarIT.Build;
import io.moviestatus.jobs.ShadedJarIT.Run;
import io.moviestatus.jobs.TerraformHcl.JarTask;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.lake.LocalSpark;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Databricks JAR's tasks on a real distributed Spark: a standalone master and two workers (one
 * core each, every executor its own JVM) started by {@code scripts/spark-cluster.sh} from the Maven
 * artifacts of Spark 3.5, Delta 3.3 and the Hadoop client, the JAR submitted with {@code
 * SparkSubmit --master spark://…}.
 *
 * <p>The tasks run as {@code terraform/jobs.tf} declares them: the main classes and {@code
 * parameters} are read from the HCL ({@link TerraformHcl}, {@link TerraformExpression}) with the
 * lake bound to a local folder, TMDB to the loopback {@link SampleTmdbServer} and the rating input
 * to the bundled sample: ingest (one run per day), silver, ratings, gold, recommend. The same
 * command lines run in this JVM on a {@code local[*]} session; every Delta table of the two lakes
 * must be equal row for row, except the recommender's, whose metrics must agree within {@link
 * #METRIC_TOLERANCE} and whose recommendation count must be equal.
 *
 * <p>Then one worker is killed (SIGKILL) while {@code silver} runs on a fresh copy of the bronze
 * layer: the run must complete through task retry or fail with one {@code error:} line, and a
 * re-run must leave every table equal to the undisturbed cluster run.
 */
class SparkClusterIT {

  /** Recommender metrics: absolute difference allowed between the cluster and local runs. */
  static final double METRIC_TOLERANCE = 1e-6;

  private static final String INGEST = "io.moviestatus.jobs.IngestJob";
  private static final String SILVER = "io.moviestatus.jobs.SilverJob";
  private static final String RATINGS = "io.moviestatus.jobs.RatingsJob";
  private static final String GOLD = "io.moviestatus.jobs.GoldJob";
  private static final String RECOMMEND = "io.moviestatus.jobs.RecommendJob";
  private static final List<String> PIPELINE = List.of(SILVER, RATINGS, GOLD, RECOMMEND);

  /** Days of the bundled TMDB sample the daily ingest task runs for. */
  private static final int DAYS = 2;

  private static final Set<String> RECOMMENDER_TABLES =
      Set.of(Tables.RECOMMENDER_METRICS.name(), Tables.USER_RECOMMENDATIONS.name());

  private static final Map<String, String> TASK_ENV =
      Map.of(
          "TMDB_API_TOKEN", SampleTmdbServer.TOKEN,
          "RATINGS_HMAC_KEY", DemoCommand.DEMO_KEY);

  private static final long STARTED = System.nanoTime();
  private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();

  private static Path work;
  private static Path localLake;
  private static Path clusterLake;
  private static Path clusterAfterSilver;
  private static SparkCluster cluster;
  private static Map<String, JarTask> tasks;

  @BeforeAll
  static void runThePipelineLocallyAndOnTheCluster() throws Exception {
    work = Build.module().resolve("target/spark-cluster-it");
    deleteRecursively(work);
    Files.createDirectories(work);
    localLake = work.resolve("lake-local");
    clusterLake = work.resolve("lake-cluster");
    clusterAfterSilver = work.resolve("lake-cluster-after-silver");

    tasks = new LinkedHashMap<>();
    for (JarTask task :
        TerraformHcl.jarTasks(TerraformHcl.readDirectory(Build.root().resolve("terraform")))) {
      assertThat(tasks.put(task.mainClass(), task))
          .as("one spark_jar_task per main class (%s)", task.where())
          .isNull();
    }
    assertThat(tasks).as("spark_jar_task blocks in terraform/jobs.tf").containsKeys(INGEST);
    assertThat(tasks).containsKeys(PIPELINE.toArray(String[]::new));

    Path ratingsInput = work.resolve("ratings-drop/events.csv");
    Files.createDirectories(ratingsInput.getParent());
    try (InputStream in = DemoCommand.class.getResourceAsStream("/sample/ratings/events.csv")) {
      Files.copy(in, ratingsInput);
    }

    time("cluster up", () -> cluster = SparkCluster.start(work.resolve("cluster"), "2g"));

    spark();
    List<LocalDate> days = SampleTmdbServer.days().subList(0, DAYS);
    try (SampleTmdbServer tmdb = new SampleTmdbServer()) {
      for (LocalDate day : days) {
        tmdb.serveDay(day);
        List<String> args = arguments(INGEST, localLake, tmdb, ratingsInput, day);
        time("local ingest " + day, () -> runLocally(INGEST, args));
        List<String> clusterArgs = arguments(INGEST, clusterLake, tmdb, ratingsInput, day);
        time("cluster ingest " + day, () -> submitted(INGEST, clusterArgs));
      }
      for (String task : PIPELINE) {
        String name = task.substring(task.lastIndexOf('.') + 1);
        List<String> args = arguments(task, localLake, tmdb, ratingsInput, null);
        time("local " + name, () -> runLocally(task, args));
        List<String> clusterArgs = arguments(task, clusterLake, tmdb, ratingsInput, null);
        time("cluster " + name, () -> submitted(task, clusterArgs));
        if (task.equals(SILVER)) {
          copy(clusterLake, clusterAfterSilver, p -> true);
        }
      }
    }
  }

  @AfterAll
  static void stopTheClusterAndReportTimes() throws Exception {
    if (cluster != null) {
      time("cluster down", () -> cluster.close());
    }
    TIMINGS.put("whole test class", (System.nanoTime() - STARTED) / 1_000_000);
    System.out.println(
        "SparkClusterIT timings (ms): "
            + TIMINGS.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
  }

  // ---------------------------------------------------------------------------------------------
  // Tests
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyTableButTheRecommendersEqualsTheLocalRunRowForRow() throws IOException {
    SparkSession spark = spark();
    Set<String> local = LakeTables.tables(localLake);
    assertThat(LakeTables.tables(clusterLake))
        .as("Delta tables the cluster run wrote, vs the local run")
        .isEqualTo(local)
        .contains("silver/status_fact", "gold/movie_rankings");
    for (String table : local) {
      if (!RECOMMENDER_TABLES.contains(leaf(table))) {
        assertSameRows(
            table,
            LakeTables.read(spark, localLake, table, localLake),
            LakeTables.read(spark, clusterLake, table, clusterLake));
      }
    }
  }

  @Test
  void recommenderMetricsAgreeWithinToleranceAndRecommendationCountIsEqual() {
    SparkSession spark = spark();
    String metricsTable = "gold/" + Tables.RECOMMENDER_METRICS.name();
    Dataset<Row> local = LakeTables.read(spark, localLake, metricsTable, localLake);
    Dataset<Row> remote = LakeTables.read(spark, clusterLake, metricsTable, clusterLake);
    assertThat(remote.columns()).as("columns of %s", metricsTable).containsExactly(local.columns());
    List<Row> localRows = local.collectAsList();
    List<Row> clusterRows = remote.collectAsList();
    assertThat(clusterRows).as("rows of %s", metricsTable).hasSameSizeAs(localRows).isNotEmpty();
    Set<String> floating = LakeTables.floatingColumns(local);
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < localRows.size(); r++) {
      for (String column : local.columns()) {
        Object expected = localRows.get(r).getAs(column);
        Object actual = clusterRows.get(r).getAs(column);
        if (floating.contains(column) && expected != null && actual != null) {
          double delta =
              Math.abs(((Number) expected).doubleValue() - ((Number) actual).doubleValue());
          System.out.printf(
              "SparkClusterIT: %s.%s local %s cluster %s (|diff| %.3g)%n",
              metricsTable, column, expected, actual, delta);
          if (delta > METRIC_TOLERANCE) {
            differences.add(column + ": local " + expected + ", cluster " + actual);
          }
        } else if (!java.util.Objects.equals(expected, actual)) {
          differences.add(column + ": local " + expected + ", cluster " + actual);
        }
      }
    }
    assertThat(differences)
        .as(
            "recommender metrics differing by more than %s (or non-metric columns)",
            METRIC_TOLERANCE)
        .isEmpty();

    String recommendations = "gold/" + Tables.USER_RECOMMENDATIONS.name();
    long localCount = LakeTables.read(spark, localLake, recommendations, localLake).count();
    assertThat(LakeTables.read(spark, clusterLake, recommendations, clusterLake).count())
        .as("recommendations written on the cluster vs locally")
        .isEqualTo(localCount)
        .isPositive();
  }

  @Test
  void silverSurvivesAKilledWorkerAndAReRunLeavesEveryTableExact() throws Exception {
    Path lake = work.resolve("lake-fault");
    copy(clusterLake.resolve("bronze/tmdb"), lake.resolve("bronze/tmdb"), p -> true);
    List<String> args = arguments(SILVER, lake, null, null, null);
    int uiPort = SparkCluster.freePort();
    long workerPid = cluster.workerPid(2);
    AtomicInteger jobsAtKill = new AtomicInteger(-1);
    AtomicReference<Throwable> watcherFailure = new AtomicReference<>();

    long start = System.nanoTime();
    Run faulted =
        cluster.submit(
            cluster.masterUrl(),
            SILVER,
            args,
            TASK_ENV,
            Map.of("spark.ui.port", String.valueOf(uiPort)),
            work.resolve("driver-fault"),
            driver -> {
              Thread watcher =
                  new Thread(
                      () -> killWorkerOnceJobsRun(driver, uiPort, workerPid, jobsAtKill),
                      "kill-worker-2");
              watcher.setDaemon(true);
              watcher.setUncaughtExceptionHandler((t, e) -> watcherFailure.set(e));
              watcher.start();
            });
    TIMINGS.put("cluster silver with worker-2 killed", (System.nanoTime() - start) / 1_000_000);
    List<String> lostLines =
        faulted.stderrLines().stream()
            .filter(l -> l.contains("Lost executor") || l.contains("Lost task"))
            .toList();
    System.out.printf(
        "SparkClusterIT fault run: worker-2 (pid %d) killed after %d Spark job(s) had started;"
            + " silver exit code %d; stdout: %s; driver saw: %s%n",
        workerPid, jobsAtKill.get(), faulted.exitCode(), faulted.stdoutLines(), lostLines);
    assertThat(watcherFailure.get()).as("the worker killer").isNull();
    assertThat(jobsAtKill.get()).as("Spark jobs started when worker-2 was killed").isPositive();
    assertThat(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false))
        .as("worker-2 is dead")
        .isFalse();
    if (faulted.exitCode() == 0) {
      assertThat(faulted.stdoutLines())
          .as("silver's report after task retry%n%s", faulted)
          .anyMatch(l -> l.startsWith("silver: built " + 2 * DAYS + " bronze file(s)"));
      assertThat(lostLines).as("the driver noticed the lost executor%n%s", faulted).isNotEmpty();
    } else {
      assertThat(faulted.stderrLines().stream().filter(l -> l.startsWith("error: ")))
          .as("one error line when the run fails%n%s", faulted)
          .hasSize(1);
    }

    Run rerun =
        timed(
            "cluster silver re-run",
            () -> submitted(SILVER, arguments(SILVER, lake, null, null, null)));
    System.out.println("SparkClusterIT fault re-run: " + rerun.stdoutLines());

    SparkSession spark = spark();
    Set<String> tables = LakeTables.tables(lake);
    assertThat(tables)
        .as("tables after the re-run")
        .isEqualTo(LakeTables.tables(clusterAfterSilver));
    for (String table : tables) {
      assertSameRows(
          table,
          LakeTables.read(spark, clusterAfterSilver, table, clusterLake),
          LakeTables.read(spark, lake, table, lake));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** The task's parameters as jobs.tf computes them, with this test's values for its inputs. */
  private static List<String> arguments(
      String mainClass, Path lake, SampleTmdbServer tmdb, Path ratingsInput, LocalDate day) {
    Map<String, Object> bindings = new LinkedHashMap<>();
    bindings.put("local.lake_root_uri", lake.toString());
    bindings.put("var.tmdb_top_n", 40L);
    bindings.put("var.tmdb_base_url", tmdb == null ? "" : tmdb.baseUrl());
    bindings.put("local.ratings_input_uri", String.valueOf(ratingsInput));
    bindings.put("var.ratings_format", "events");
    bindings.put("var.ratings_links_path", "");
    bindings.put("local.ratings_links_uri", "");
    bindings.put("var.recommend_seed", 42L);
    bindings.put("var.vacuum_retention_hours", 168L);
    List<String> args =
        TerraformExpression.evaluateList(tasks.get(mainClass).parameters(), bindings);
    return args.stream()
        .map(a -> day == null ? a : a.replace("{{job.start_time.iso_date}}", day.toString()))
        .toList();
  }

  /** The runner's command line in this JVM, on the shared local[*] session. */
  private static void runLocally(String mainClass, List<String> args) throws Exception {
    Object command = Class.forName(mainClass).getDeclaredConstructor().newInstance();
    for (Field field : command.getClass().getDeclaredFields()) {
      if (field.getName().equals("environment") && field.getType() == Map.class) {
        field.setAccessible(true);
        field.set(command, TASK_ENV);
      }
    }
    int code = Jobs.commandLine(command).execute(args.toArray(String[]::new));
    assertThat(code).as("exit code of %s %s in local[*]", mainClass, args).isZero();
  }

  private static Run submitted(String mainClass, List<String> args) throws Exception {
    String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    Run run =
        cluster.submit(
            cluster.masterUrl(),
            mainClass,
            args,
            TASK_ENV,
            Map.of("spark.ui.enabled", "false"),
            work.resolve("driver-" + name),
            p -> {});
    assertThat(run.exitCode()).as("spark-submit of %s%n%s", name, run).isZero();
    return run;
  }

  /** Polls the driver's REST API; kills worker 2 once two Spark jobs have started. */
  private static void killWorkerOnceJobsRun(
      Process driver, int uiPort, long workerPid, AtomicInteger jobsAtKill) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Pattern appId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (driver.isAlive() && System.nanoTime() < deadline) {
      try {
        String apps = get(http, "http://127.0.0.1:" + uiPort + "/api/v1/applications");
        Matcher id = appId.matcher(apps);
        if (id.find()) {
          String jobs =
              get(
                  http,
                  "http://127.0.0.1:" + uiPort + "/api/v1/applications/" + id.group(1) + "/jobs");
          int started = (int) Pattern.compile("\"jobId\"").matcher(jobs).results().count();
          if (started >= 2) {
            ProcessHandle.of(workerPid).ifPresent(ProcessHandle::destroyForcibly);
            jobsAtKill.set(started);
            return;
          }
        }
      } catch (IOException e) {
        // the driver's UI is not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " -> HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(actual.columns()).as("columns of %s", table).containsExactly(expected.columns());
    long expectedCount = expected.count();
    List<Row> missing = expected.exceptAll(actual).limit(5).collectAsList();
    List<Row> extra = actual.exceptAll(expected).limit(5).collectAsList();
    assertThat(actual.count()).as("rows of %s", table).isEqualTo(expectedCount);
    assertThat(missing).as("rows of %s missing (first 5; extra: %s)", table, extra).isEmpty();
    assertThat(extra).as("rows of %s not expected (first 5)", table).isEmpty();
  }

  /** The JVM's local[*] session (LocalSpark: Delta on, 4 shuffle partitions like the cluster). */
  private static SparkSession spark() {
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("ERROR");
    return spark;
  }

  private static String leaf(String table) {
    return table.substring(table.lastIndexOf('/') + 1);
  }

  private interface Step<T> {
    T run() throws Exception;
  }

  private interface VoidStep {
    void run() throws Exception;
  }

  private static <T> T timed(String name, Step<T> step) throws Exception {
    long start = System.nanoTime();
    try {
      return step.run();
    } finally {
      TIMINGS.put(name, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void time(String name, VoidStep step) throws Exception {
    timed(
        name,
        () -> {
          step.run();
          return null;
        });
  }

  private static void copy(Path from, Path to, java.util.function.Predicate<Path> include)
      throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(include).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
