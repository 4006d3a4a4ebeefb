package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.jobs.ShadedJarIT.Build;
import io.moviestatus.jobs.ShadedJarIT.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The standalone cluster of {@code scripts/spark-cluster.sh} (one master, two workers of one core
 * each) started on free loopback ports, and {@code spark-submit} of the shaded JAR to it: a driver
 * JVM running {@code org.apache.spark.deploy.SparkSubmit} with the cluster's classpath ({@code
 * SPARK_HOME/jars}) only, as a Databricks driver has the runtime's.
 */
final class SparkCluster implements AutoCloseable {

  static final int WORKERS = 2;

  private final Path dir;
  private final Path script;
  private final Map<String, String> settings;
  private final String masterUrl;
  private final Path sparkHome;

  private SparkCluster(Path dir, Map<String, String> settings) {
    this.dir = requireNonNull(dir, "dir is null");
    this.script = Build.root().resolve("scripts/spark-cluster.sh");
    this.settings = settings;
    this.masterUrl = "spark://127.0.0.1:" + settings.get("SPARK_MASTER_PORT");
    this.sparkHome = dir.resolve("home");
  }

  /** Starts the cluster in {@code dir} (pids, logs, work dirs) and waits for both workers. */
  static SparkCluster start(Path dir, String workerMemory)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    SparkCluster cluster =
        new SparkCluster(
            dir,
            Map.of(
                "SPARK_CLUSTER_DIR", dir.toString(),
                "SPARK_MASTER_PORT", String.valueOf(freePort()),
                "SPARK_MASTER_WEBUI_PORT", String.valueOf(freePort()),
                "SPARK_WORKERS", String.valueOf(WORKERS),
                "SPARK_WORKER_CORES", "1",
                "SPARK_WORKER_MEMORY", workerMemory));
    Run up = cluster.script("up");
    if (up.exitCode() != 0) {
      cluster.script("down");
      throw new IllegalStateException("spark-cluster.sh up failed\n" + up);
    }
    return cluster;
  }

  String masterUrl() {
    return masterUrl;
  }

  Path sparkHome() {
    return sparkHome;
  }

  /** The pid of worker {@code n} (1-based), from the script's pid file. */
  long workerPid(int n) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("worker-" + n + ".pid")).strip());
  }

  /** Starts worker {@code n} (1-based) again after it died, and waits until it registered. */
  void startWorker(int n) throws IOException, InterruptedException {
    Run start = script("start-worker", String.valueOf(n));
    if (start.exitCode() != 0) {
      throw new IllegalStateException("spark-cluster.sh start-worker " + n + " failed\n" + start);
    }
  }

  /** The worker's log, where the master's and its executors' fate shows. */
  Path workerLog(int n) {
    return dir.resolve("worker-" + n + ".log");
  }

  /**
   * {@code spark-submit --master <this cluster> --class mainClass <shaded JAR> args}, client mode,
   * with {@code env} added to the driver's environment (as Databricks' {@code spark_env_vars}) and
   * {@code conf} as {@code --conf} pairs, {@code jvmFlags} on the driver's command line (client
   * mode: {@code spark.driver.extraJavaOptions} would come too late), {@code driverClasspath} ahead
   * of Spark's JARs on the driver's class path (a main class outside the shaded JAR) and a limit of
   * {@code minutes} for the driver. {@code started} gets the driver process once it runs.
   */
  Run submit(
      String master,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      Map<String, String> conf,
      List<String> jvmFlags,
      List<Path> driverClasspath,
      int minutes,
      Path workDir,
      Consumer<Process> started)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(Build.jvmOptions());
    command.addAll(jvmFlags);
    command.add(
        "-Dlog4j2.configurationFile=" + sparkHome.resolve("conf/log4j2.properties").toUri());
    command.add("-cp");
    StringBuilder classpath = new StringBuilder();
    driverClasspath.forEach(entry -> classpath.append(entry).append(':'));
    classpath.append(sparkHome.resolve("conf")).append("/:").append(sparkHome.resolve("jars"));
    command.add(classpath + "/*");
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.add("--master");
    command.add(master);
    command.add("--deploy-mode");
    command.add("client");
    command.add("--conf");
    command.add("spark.driver.host=127.0.0.1");
    for (Map.Entry<String, String> e : conf.entrySet()) {
      command.add("--conf");
      command.add(e.getKey() + "=" + e.getValue());
    }
    command.add("--class");
    command.add(mainClass);
    command.add(Build.shadedJar().toString());
    command.addAll(args);

    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "driver-stdout", ".txt");
    Path err = Files.createTempFile(workDir, "driver-stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("DATABRICKS_RUNTIME_VERSION");
    builder.environment().remove("TMDB_API_TOKEN");
    builder.environment().remove("TMDB_API_KEY");
    builder.environment().remove("RATINGS_HMAC_KEY");
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    Process process = builder.start();
    started.accept(process);
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "spark-submit did not exit within "
              + minutes
              + " minutes\n"
              + new Run(command, -1, Files.readString(out), Files.readString(err)));
    }
    return new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Run down = script("down");
    if (down.exitCode() != 0) {
      throw new IllegalStateException("spark-cluster.sh down failed\n" + down);
    }
  }

  private Run script(String... action) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(action));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().putAll(settings);
    Process process = builder.start();
    process.getOutputStream().close();
    // the daemons keep no handle on these pipes (the script redirects them to log files)
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("spark-cluster.sh " + String.join(" ", action) + " hangs");
    }
    return new Run(
        command,
        process.exitValue(),
        new String(stdout, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
