package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.jobs.ShadedJarIT.Build;
import io.moviestatus.jobs.ShadedJarIT.Run;
import io.moviestatus.jobs.TerraformHcl.JarTask;
import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.Tables;
import io.moviestatus.recommend.RecommenderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
 * lake bound to a local folder, TMDB to the loopback {@link SampleTmdbServer}, the rating input to
 * the bundled sample and the Unity Catalog names to each driver's own (Hive-less, in-memory)
 * session catalog {@code spark_catalog} and a test schema, TMDB's export folder to the loopback
 * {@link SampleExportServer}, the recommender's grid to the demo's ({@code var.recommend_grid}, one
 * fit per model) in one ALS block ({@code var.recommend_blocks}) of four iterations ({@code
 * var.recommend_max_iter}): ingest and the export ingest (one run each per day; the four jobs are
 * independent and submitted at once, each its own driver), then the {@code pipeline} job's tasks
 * silver, ratings, gold and recommend one after another on one driver ({@link SharedJobCluster}),
 * as Databricks runs the tasks of a job that share its job cluster: one SparkContext and one set of
 * executors, each task's {@code main} called in turn, a failed task throwing. The same command
 * lines run in this JVM on a {@code local[*]} session, in a second thread from the start (the
 * cluster's steps wait on RPCs and JVM starts part of the time); every Delta table of the two lakes
 * must be equal row for row, except the recommender's, whose metrics must agree within {@link
 * #METRIC_TOLERANCE} and whose recommendation count must be equal. The row-for-row comparison runs
 * while the cluster trains the recommender, which writes only its own two tables; the cluster stops
 * while the tests assert.
 *
 * <p>The fault is injected into the pipeline's own {@code silver} run on the cluster: worker 2 is
 * killed (SIGKILL) once the driver has started two Spark jobs. The run must complete through task
 * retry or fail with one {@code error:} line; worker 2 is then started again, {@code silver} is
 * re-run as a retry would, and ratings, gold and recommend follow on two workers. The silver and
 * state tables the comparison holds equal to the {@code local[*]} run are therefore those of the
 * faulted run plus its re-run. (Before, an undisturbed silver and a separate faulted silver on a
 * copy of bronze were both run: 616 s for the class, over the 5-minute budget. Until the pipeline's
 * tasks shared one driver, each was its own spark-submit with its own executors: 368 s.)
 *
 * <p>The cluster's drivers get the local session's SQL settings ({@link #SESSION_CONF}: no code
 * generation, as {@code LocalSpark}), so the two runs execute the same operators and differ only in
 * distribution; the cluster's {@code spark-defaults.conf} keeps Spark's defaults for manual runs.
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

  /**
   * Days of the bundled TMDB sample the daily ingest task runs for: one, a scheduled day. Several
   * days of one build (a month boundary, backfills) are proven in local mode by SilverBuildTest and
   * DemoTest; the cluster proves the distribution of one day's build.
   */
  private static final int DAYS = 1;

  /**
   * SQL settings of the cluster's drivers (as {@code --conf}): those of {@code LocalSpark} that
   * spark-defaults.conf does not already set, so both runs use the same (interpreted) operators;
   * and no locality wait: with one core per executor, Spark's default 3 s wait for a task's
   * preferred executor (ALS's cached blocks, Delta files) stalls most stages of these small runs.
   */
  static final Map<String, String> SESSION_CONF =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN",
          "spark.sql.adaptive.enabled", "true",
          "spark.databricks.delta.retentionDurationCheck.enabled", "true",
          "spark.locality.wait", "0s",
          "spark.ui.enabled", "false");

  /**
   * JVM flags of the cluster's drivers and executors: a 16 MB thread stack for every task (ALS's
   * lineage over ten iterations is deep: with Java's default 1 MB an executor failed recommend with
   * a StackOverflowError once it ran C1-compiled code), C1 only and the serial collector, less
   * compilation and GC work competing for the two cores. (The local launcher's short commands ran
   * with these until they moved to the parallel collector; the cluster, five JVMs on two cores with
   * one core per executor, keeps the single-threaded collector: the parallel one, here and in the
   * IT JVM, measured within the noise, figures in docs/benchmarks.md.) Recommend too: on this small
   * data it ran in 80 s with them against 112 s with C2.
   */
  static final List<String> SHORT_RUN_FLAGS =
      List.of("-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** ALS iterations of the recommender's fits on both runs ({@code var.recommend_max_iter}). */
  static final int CLUSTER_MAX_ITER = 4;

  /** Schema the runs register their tables in (--schema), each in its own session catalog. */
  private static final String LOCAL_SCHEMA = "movies_local_it";

  private static final String CLUSTER_SCHEMA = "movies_cluster_it";

  private static final Set<String> RECOMMENDER_TABLES =
      Set.of(Tables.RECOMMENDER_METRICS.name(), Tables.USER_RECOMMENDATIONS.name());

  private static final Map<String, String> TASK_ENV =
      Map.of(
          "TMDB_API_TOKEN", SampleTmdbServer.TOKEN,
          "RATINGS_HMAC_KEY", DemoCommand.DEMO_KEY);

  private static final long STARTED = System.nanoTime();
  private static final Map<String, Long> TIMINGS =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  private static Path work;
  private static Path localLake;
  private static Path clusterLake;
  private static Path ratingsInput;
  private static volatile SparkCluster cluster;
  private static Map<String, JarTask> tasks;
  private static JarTask exportTask;
  private static FaultRun fault;
  private static Throwable localFailure;

  /** Threads of the steps that run beside others: the cluster's ingests, the table comparison. */
  private static final ExecutorService BACKGROUND =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "spark-cluster-it");
            thread.setDaemon(true);
            return thread;
          });

  /** Completed when the local reference has built gold (its silver, state and gold are final). */
  private static final CompletableFuture<Void> LOCAL_GOLD = new CompletableFuture<>();

  /**
   * The row-for-row comparison of every table but the recommender's, run while the cluster trains
   * the recommender (which writes only its own two tables): one line per difference.
   */
  private static CompletableFuture<List<String>> tableDifferences;

  private static final List<String> COMPARED = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static CompletableFuture<SparkCluster> clusterUp;
  private static CompletableFuture<Void> clusterDown;

  /** What the silver run with a killed worker did, and its re-run. */
  record FaultRun(
      long workerPid,
      int jobsAtKill,
      Run faulted,
      Run rerun,
      Throwable watcher,
      List<String> restartedWorkerExecutors) {}

  @BeforeAll
  static void runThePipelineLocallyAndOnTheCluster() throws Exception {
    work = Build.module().resolve("target/spark-cluster-it");
    deleteRecursively(work);
    Files.createDirectories(work);
    localLake = work.resolve("lake-local");
    clusterLake = work.resolve("lake-cluster");

    tasks = new LinkedHashMap<>();
    for (JarTask task :
        TerraformHcl.jarTasks(TerraformHcl.readDirectory(Build.root().resolve("terraform")))) {
      // The daily-export ingest is IngestJob too (--source export, its own job).
      if (task.flags().contains("--source") && task.parameters().contains("\"export\"")) {
        assertThat(exportTask).as("one export ingest task (%s)", task.where()).isNull();
        exportTask = task;
        continue;
      }
      assertThat(tasks.put(task.mainClass(), task))
          .as("one spark_jar_task per main class (%s)", task.where())
          .isNull();
    }
    assertThat(tasks).as("spark_jar_task blocks in terraform/jobs.tf").containsKeys(INGEST);
    assertThat(exportTask).as("the export ingest task in terraform/jobs.tf").isNotNull();
    assertThat(tasks).containsKeys(PIPELINE.toArray(String[]::new));
    assertThat(arguments(RECOMMEND, localLake, LOCAL_SCHEMA))
        .as("jobs.tf passes var.recommend_max_iter to RecommendJob")
        .containsSubsequence("--max-iter", String.valueOf(CLUSTER_MAX_ITER));

    ratingsInput = work.resolve("ratings-drop/events.csv");
    Files.createDirectories(ratingsInput.getParent());
    try (InputStream in = DemoCommand.class.getResourceAsStream("/sample/ratings/events.csv")) {
      Files.copy(in, ratingsInput);
    }

    // The cluster starts while this JVM builds its session and the loopback servers.
    clusterUp =
        inBackground(
            "cluster up", () -> cluster = SparkCluster.start(work.resolve("cluster"), "2g"));
    List<LocalDate> days = SampleTmdbServer.days().subList(0, DAYS);
    time("local session", SparkClusterIT::spark);
    // One TMDB stand-in per day, so that the days' ingests can run at the same time.
    List<SampleTmdbServer> servers = new ArrayList<>();
    try (SampleExportServer exports =
        new SampleExportServer(spark(), Build.module().resolve("target/classes"), days)) {
      Map<LocalDate, SampleTmdbServer> tmdb = new LinkedHashMap<>();
      for (LocalDate day : days) {
        SampleTmdbServer server = new SampleTmdbServer();
        servers.add(server);
        server.serveDay(day);
        tmdb.put(day, server);
      }
      JarTask daily = tasks.get(INGEST);

      // The local[*] reference in a second thread of this JVM, from its ingests to recommend,
      // while the cluster starts and runs (its steps wait on RPCs and JVM starts much of the time).
      Thread local =
          new Thread(
              () -> {
                try {
                  for (LocalDate day : days) {
                    List<String> args =
                        arguments(daily, localLake, LOCAL_SCHEMA, tmdb.get(day), exports, day);
                    List<String> export =
                        arguments(exportTask, localLake, LOCAL_SCHEMA, tmdb.get(day), exports, day);
                    time("local ingest " + day, () -> runLocally(INGEST, args));
                    time("local export ingest " + day, () -> runLocally(INGEST, export));
                  }
                  for (String task : PIPELINE) {
                    List<String> args = arguments(task, localLake, LOCAL_SCHEMA);
                    time("local " + simpleName(task), () -> runLocally(task, args));
                    if (task.equals(GOLD)) {
                      LOCAL_GOLD.complete(null);
                    }
                  }
                } catch (Throwable e) {
                  localFailure = e;
                  LOCAL_GOLD.completeExceptionally(e);
                }
              },
              "local-reference");
      local.start();
      try {
        time("cluster up (wait)", clusterUp::join);
        // The ingest jobs (daily and export, two schedules) are independent of each other and of
        // the other days: all are submitted at once. They need no executor.
        List<CompletableFuture<Run>> ingests = new ArrayList<>();
        for (LocalDate day : days) {
          for (JarTask task : List.of(daily, exportTask)) {
            String name = (task == daily ? "ingest " : "export ingest ") + day;
            List<String> args =
                arguments(task, clusterLake, CLUSTER_SCHEMA, tmdb.get(day), exports, day);
            ingests.add(
                inBackground(
                    "cluster " + name, () -> submitted(INGEST, args, name.replace(' ', '-'))));
          }
        }
        time(
            "cluster ingests",
            () -> CompletableFuture.allOf(ingests.toArray(CompletableFuture[]::new)).join());
        fault = pipelineOnOneJobCluster();
      } finally {
        time("local reference (wait)", local::join);
        if (cluster != null) {
          // The tests read only the two lakes: the cluster stops while they run.
          SparkCluster running = cluster;
          clusterDown =
              inBackground(
                  "cluster down",
                  () -> {
                    running.close();
                    return null;
                  });
        }
      }
    } finally {
      servers.forEach(SampleTmdbServer::close);
    }
    assertThat(localFailure).as("the local[*] reference run").isNull();
  }

  /**
   * The pipeline job's tasks on one driver, as its shared job cluster runs them ({@link
   * SharedJobCluster}): silver with worker 2 killed once two Spark jobs have started, silver again
   * (a retry) while worker 2 starts again, then ratings, gold and recommend. The table comparison
   * starts once the cluster's gold has ended, while it trains the recommender.
   */
  private static FaultRun pipelineOnOneJobCluster() throws Exception {
    int uiPort = SparkCluster.freePort();
    long workerPid = cluster.workerPid(2);
    AtomicInteger jobsAtKill = new AtomicInteger(-1);
    AtomicReference<Throwable> watcherFailure = new AtomicReference<>();
    AtomicReference<CompletableFuture<Void>> restart = new AtomicReference<>();
    // Task n ends with marker file n-Name.done: 1-SilverJob (faulted), 2-SilverJob (re-run),
    // 3-RatingsJob, 4-GoldJob, 5-RecommendJob.
    List<SharedJobCluster.Task> order = new ArrayList<>();
    order.add(
        new SharedJobCluster.Task(SILVER, arguments(SILVER, clusterLake, CLUSTER_SCHEMA), true));
    for (String task : PIPELINE) {
      order.add(
          new SharedJobCluster.Task(task, arguments(task, clusterLake, CLUSTER_SCHEMA), false));
    }
    Path taskFile = work.resolve("job-cluster-tasks.txt");
    SharedJobCluster.write(taskFile, order);
    Path markers = Files.createDirectories(work.resolve("job-cluster-markers"));
    // As on Databricks, where this variable is set, a failed task throws instead of exiting.
    Map<String, String> env = new LinkedHashMap<>(TASK_ENV);
    env.put("DATABRICKS_RUNTIME_VERSION", "spark-cluster-it");
    Map<String, String> conf = conf(SILVER);
    conf.put("spark.ui.enabled", "true"); // the watcher polls the driver's REST API
    conf.put("spark.ui.port", String.valueOf(uiPort));
    Run driver =
        timed(
            "cluster pipeline job, one driver",
            () ->
                cluster.submit(
                    cluster.masterUrl(),
                    SharedJobCluster.class.getName(),
                    List.of(markers.toString(), taskFile.toString()),
                    env,
                    conf,
                    jvmFlags(SILVER),
                    List.of(sharedJobClusterJar()),
                    10,
                    work.resolve("driver-pipeline"),
                    process -> {
                      Thread watcher =
                          new Thread(
                              () -> killWorkerOnceJobsRun(process, uiPort, workerPid, jobsAtKill),
                              "kill-worker-2");
                      watcher.setDaemon(true);
                      watcher.setUncaughtExceptionHandler((t, e) -> watcherFailure.set(e));
                      watcher.start();
                      // Worker 2 registers again while the re-run starts; the tasks after it
                      // get both.
                      restart.set(
                          inBackground(
                              "worker-2 restart",
                              () -> {
                                awaitMarker(markers, "1-SilverJob", process);
                                cluster.startWorker(2);
                                return null;
                              }));
                      tableDifferences =
                          inBackground(
                                  "cluster gold (wait)",
                                  () -> awaitMarker(markers, "4-GoldJob", process))
                              .thenCompose(found -> LOCAL_GOLD)
                              .thenCompose(
                                  done ->
                                      inBackground("compare tables", SparkClusterIT::differences));
                    }));
    time("worker-2 restart (wait)", () -> restart.get().join());
    List<Run> runs = perTask(driver, order.size());
    for (int n = 1; n < order.size(); n++) {
      assertThat(runs.get(n).exitCode())
          .as(
              "exit code of task %d, %s, on the job cluster%n%s",
              n + 1, order.get(n).name(), driver)
          .isZero();
    }
    assertThat(driver.exitCode()).as("the job cluster's driver%n%s", driver).isZero();
    // The restarted worker's log (written anew by start-worker): the executors it launched.
    List<String> executors;
    try (Stream<String> log = Files.lines(cluster.workerLog(2))) {
      executors = log.filter(line -> line.contains("Asked to launch executor")).toList();
    }
    return new FaultRun(
        workerPid, jobsAtKill.get(), runs.get(0), runs.get(1), watcherFailure.get(), executors);
  }

  /** Waits until the driver created the marker of a task; false when it exited without. */
  private static boolean awaitMarker(Path markers, String task, Process driver)
      throws InterruptedException {
    Path marker = markers.resolve(task + ".done");
    while (!Files.exists(marker)) {
      if (!driver.isAlive()) {
        return Files.exists(marker);
      }
      Thread.sleep(200);
    }
    return true;
  }

  /**
   * The driver's output cut into one {@link Run} per task at its {@code [job-cluster] start N}
   * lines; each with the exit code of its {@code end} line (-1 without one), timed in {@link
   * #TIMINGS} by the driver's own clock.
   */
  private static List<Run> perTask(Run driver, int tasks) {
    List<Run> runs = new ArrayList<>();
    Pattern end = Pattern.compile("end (\\d+) (\\S+) exit (-?\\d+) ms (\\d+)");
    for (int n = 1; n <= tasks; n++) {
      String stdout = slice(driver.stdout(), n);
      int code = -1;
      Matcher ended = end.matcher(stdout);
      if (ended.find()) {
        code = Integer.parseInt(ended.group(3));
        String name = ended.group(2);
        String suffix =
            switch (n) {
              case 1 -> ", worker-2 killed"; // the faulted silver
              case 2 -> " re-run";
              default -> "";
            };
        TIMINGS.put("cluster " + name + suffix, Long.parseLong(ended.group(4)));
      }
      runs.add(new Run(driver.command(), code, stdout, slice(driver.stderr(), n)));
    }
    return runs;
  }

  /** The lines of {@code output} from task n's start line to the next task's start line. */
  private static String slice(String output, int n) {
    StringBuilder slice = new StringBuilder();
    boolean inside = false;
    for (String line : output.split("\n", -1)) {
      if (line.startsWith(SharedJobCluster.MARK + "start ")) {
        inside = line.startsWith(SharedJobCluster.MARK + "start " + n + " ");
      }
      if (inside) {
        slice.append(line).append('\n');
      }
    }
    return slice.toString();
  }

  /** A JAR of {@link SharedJobCluster}'s classes, for the driver's class path. */
  private static Path sharedJobClusterJar() throws IOException {
    Path classes = Build.module().resolve("target/test-classes/io/moviestatus/jobs");
    Path jar = work.resolve("shared-job-cluster.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(classes)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith("SharedJobCluster"))
              .sorted()
              .toList()) {
        out.putNextEntry(new JarEntry("io/moviestatus/jobs/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  @AfterAll
  static void stopTheClusterAndReportTimes() throws Exception {
    if (clusterUp != null) {
      try {
        clusterUp.join(); // a cluster still starting when @BeforeAll failed is stopped too
      } catch (CompletionException e) {
        // reported by @BeforeAll
      }
    }
    if (clusterDown != null) {
      clusterDown.join();
    } else if (cluster != null) {
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
    Set<String> local = LakeTables.tables(localLake);
    assertThat(LakeTables.tables(clusterLake))
        .as("Delta tables the cluster run wrote, vs the local run")
        .isEqualTo(local)
        .contains("silver/status_fact", "gold/movie_rankings");
    List<String> differences = tableDifferences.join();
    assertThat(COMPARED)
        .as("tables compared row for row (while the cluster trained the recommender)")
        .containsExactlyInAnyOrderElementsOf(
            local.stream().filter(t -> !RECOMMENDER_TABLES.contains(leaf(t))).toList());
    assertThat(differences)
        .as(
            "differences between the cluster's and the local run's tables (all but the recommender's)")
        .isEmpty();
  }

  /** Compares every table but the recommender's; one line per table that differs. */
  private static List<String> differences() throws IOException {
    SparkSession spark = spark();
    List<String> differences = new ArrayList<>();
    for (String table : LakeTables.tables(localLake)) {
      if (!RECOMMENDER_TABLES.contains(leaf(table))) {
        COMPARED.add(table);
        try {
          assertSameRows(
              table,
              LakeTables.read(spark, localLake, table, localLake),
              LakeTables.read(spark, clusterLake, table, clusterLake));
        } catch (AssertionError e) {
          differences.add(table + ": " + e.getMessage());
        }
      }
    }
    return differences;
  }

  @Test
  void theExportTaskFedSilverOnTheCluster() {
    SparkSession spark = spark();
    Dataset<Row> status =
        spark.read().format("delta").load(clusterLake.resolve("silver/status_fact").toString());
    assertThat(status.where("movie_id in (9000001, 9000002)").count())
        .as("status_fact rows of the export's two catalogue-only movies, one per day")
        .isEqualTo(2L * DAYS);
    Dataset<Row> quarantine =
        spark.read().format("delta").load(clusterLake.resolve("_state/quarantine").toString());
    assertThat(
            quarantine
                .where("entity = 'export_movie' and raw = 'not json at all'")
                .select("snapshot_date", "reason")
                .collectAsList()
                .stream()
                .map(r -> r.get(0) + " " + r.getString(1))
                .sorted()
                .toList())
        .as("the export's line that is not JSON, quarantined once per day with its reason")
        .containsExactlyElementsOf(
            SampleTmdbServer.days().subList(0, DAYS).stream()
                .map(day -> day + " malformed_json")
                .toList());
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
  void silverSurvivesAKilledWorkerAndItsReRunLeavesEveryTableExact() {
    Run faulted = fault.faulted();
    List<String> lostLines =
        faulted.stderrLines().stream()
            .filter(l -> l.contains("Lost executor") || l.contains("Lost task"))
            .toList();
    System.out.printf(
        "SparkClusterIT fault run: worker-2 (pid %d) killed after %d Spark job(s) had started;"
            + " silver exit code %d; stdout: %s; driver saw: %s; re-run: %s%n",
        fault.workerPid(),
        fault.jobsAtKill(),
        faulted.exitCode(),
        faulted.stdoutLines(),
        lostLines,
        fault.rerun().stdoutLines());
    assertThat(fault.watcher()).as("the worker killer").isNull();
    assertThat(fault.jobsAtKill()).as("Spark jobs started when worker-2 was killed").isPositive();
    if (faulted.exitCode() == 0) {
      assertThat(faulted.stdoutLines())
          .as("silver's report after task retry%n%s", faulted)
          .anyMatch(l -> l.startsWith("silver: built " + 3 * DAYS + " bronze file(s)"));
      assertThat(lostLines).as("the driver noticed the lost executor%n%s", faulted).isNotEmpty();
    } else {
      assertThat(faulted.stderrLines().stream().filter(l -> l.startsWith("error: ")))
          .as("one error line when the run fails%n%s", faulted)
          .hasSize(1);
    }
    assertThat(fault.restartedWorkerExecutors())
        .as("executors the restarted worker-2 launched: one for the job cluster's driver")
        .anyMatch(l -> l.endsWith(" for " + SharedJobCluster.class.getName()));
    // Every table equal to local[*] after the re-run: everyTableButTheRecommenders… (the silver
    // and state tables compared there are this run's).
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** A pipeline task's parameters as jobs.tf computes them. */
  private static List<String> arguments(String mainClass, Path lake, String schema) {
    return arguments(tasks.get(mainClass), lake, schema, null, null, null);
  }

  /**
   * The task's parameters as jobs.tf computes them, with this test's values for its inputs ({@code
   * tmdb}, {@code exports} and {@code day} for the ingest tasks, else null).
   */
  private static List<String> arguments(
      JarTask task,
      Path lake,
      String schema,
      SampleTmdbServer tmdb,
      SampleExportServer exports,
      LocalDate day) {
    Map<String, Object> bindings = new LinkedHashMap<>();
    bindings.put("local.lake_root_uri", lake.toString());
    // Unity Catalog names: the session catalog of the run's own driver (Hive-less, in memory).
    bindings.put("databricks_catalog.lake.name", "spark_catalog");
    bindings.put("databricks_schema.movies.name", schema);
    bindings.put("var.tmdb_top_n", 40L);
    bindings.put("var.tmdb_base_url", tmdb == null ? "" : tmdb.baseUrl());
    bindings.put("var.tmdb_export_base_url", exports == null ? "" : exports.baseUrl());
    bindings.put("local.ratings_input_uri", String.valueOf(ratingsInput));
    bindings.put("var.ratings_format", "events");
    bindings.put("var.ratings_links_path", "");
    bindings.put("local.ratings_links_uri", "");
    bindings.put("var.recommend_seed", 42L);
    // The demo's grid (the values the default grid chooses on the bundled ratings: one fit per
    // model instead of 4 + 2) and one ALS block per worker core.
    Map<String, Object> grid = new LinkedHashMap<>();
    RecommenderConfig demo = DemoCommand.RECOMMENDER;
    grid.put("ranking_ranks", demo.rankingRanks());
    grid.put("ranking_reg_params", demo.rankingRegParams());
    grid.put("alphas", demo.alphas());
    grid.put("rating_ranks", demo.ranks());
    grid.put("rating_reg_params", demo.regParams());
    bindings.put("var.recommend_grid", grid);
    grid.forEach((name, values) -> bindings.put("var.recommend_grid." + name, values));
    bindings.put("var.recommend_blocks", 1L);
    // Four ALS iterations (the runner's default is 10): the proof is that training distributes and
    // agrees with local[*], which a shorter fit shows as well.
    bindings.put("var.recommend_max_iter", (long) CLUSTER_MAX_ITER);
    bindings.put("var.vacuum_retention_hours", 168L);
    List<String> args = TerraformExpression.evaluateList(task.parameters(), bindings);
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

  /** Submits {@code mainClass}; the driver's files go to {@code driver-<name>}. */
  private static Run submitted(String mainClass, List<String> args, String name) throws Exception {
    Run run =
        cluster.submit(
            cluster.masterUrl(),
            mainClass,
            args,
            TASK_ENV,
            conf(mainClass),
            jvmFlags(mainClass),
            List.of(),
            5,
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

  /**
   * Same columns and the same multiset of rows. The tables are small: both sides are collected and
   * compared here, which costs two Spark jobs per table instead of the four of count + two
   * exceptAll.
   */
  private static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(actual.columns()).as("columns of %s", table).containsExactly(expected.columns());
    Map<Row, Integer> remaining = new java.util.HashMap<>();
    List<Row> expectedRows = expected.collectAsList();
    expectedRows.forEach(row -> remaining.merge(row, 1, Integer::sum));
    List<Row> extra = new ArrayList<>();
    List<Row> actualRows = actual.collectAsList();
    for (Row row : actualRows) {
      Integer left = remaining.get(row);
      if (left == null) {
        extra.add(row);
      } else if (left == 1) {
        remaining.remove(row);
      } else {
        remaining.put(row, left - 1);
      }
    }
    List<Row> missing = remaining.keySet().stream().limit(5).toList();
    assertThat(actualRows.size()).as("rows of %s", table).isEqualTo(expectedRows.size());
    assertThat(missing)
        .as("rows of %s missing (first 5; extra: %s)", table, extra.stream().limit(5).toList())
        .isEmpty();
    assertThat(extra).as("rows of %s not expected", table).isEmpty();
  }

  /** The JVM's local[*] session (LocalSpark: Delta on, 4 shuffle partitions like the cluster). */
  private static SparkSession spark() {
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("ERROR");
    return spark;
  }

  private static List<String> jvmFlags(String mainClass) {
    return SHORT_RUN_FLAGS;
  }

  /**
   * {@link #SESSION_CONF} and the executors' JVM options (the add-opens Spark needs on Java 17).
   */
  private static Map<String, String> conf(String mainClass) throws IOException {
    Map<String, String> conf = new LinkedHashMap<>(SESSION_CONF);
    if (mainClass.equals(INGEST)) {
      // The ingest tasks write bronze through the driver's Hadoop file system and run no Spark
      // job: with dynamic allocation from zero executors, their drivers start none.
      conf.put("spark.dynamicAllocation.enabled", "true");
      conf.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
      conf.put("spark.dynamicAllocation.initialExecutors", "0");
      conf.put("spark.dynamicAllocation.minExecutors", "0");
    }
    List<String> executor = new ArrayList<>(Build.jvmOptions());
    executor.addAll(jvmFlags(mainClass));
    conf.put("spark.executor.extraJavaOptions", String.join(" ", executor));
    return conf;
  }

  private static String simpleName(String mainClass) {
    return mainClass.substring(mainClass.lastIndexOf('.') + 1);
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

  /** Runs {@code step} on a {@link #BACKGROUND} thread, timed as {@code name}. */
  private static <T> CompletableFuture<T> inBackground(String name, Step<T> step) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return timed(name, step);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        },
        BACKGROUND);
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
