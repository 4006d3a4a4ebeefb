package io.moviestatus.jobs;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver of a Databricks job cluster, for {@link SparkClusterIT}: runs JAR tasks one after
 * another in one driver JVM and its one SparkContext, as Databricks runs the tasks of a job that
 * share a job cluster ({@code job_cluster_key}): each task's main class is loaded and its {@code
 * main} called; with {@code DATABRICKS_RUNTIME_VERSION} in the environment a failed task throws
 * instead of exiting ({@code Jobs.main}), and the next task finds the session, the executors and
 * the compiled code of the ones before.
 *
 * <p>Submitted with {@code spark-submit --class io.moviestatus.jobs.SharedJobCluster <shaded JAR>
 * MARKERS TASKS}, from its own small JAR on the driver's classpath: it is loaded by the JVM's class
 * loader, the tasks by spark-submit's loader of the shaded JAR, so it reaches them by reflection
 * only. {@code TASKS} is a UTF-8 file with one argument per line and a line {@code --} between
 * tasks; a task's first line is its main class, prefixed with {@code ?} when it may fail (the run
 * goes on). For task N it prints {@code [job-cluster] start N Name} and {@code [job-cluster] end N
 * Name exit C ms T} on stdout and stderr (C: 0, the code a failed task's message names, or 1), and
 * then creates {@code MARKERS/N-Name.done}. A task that fails without {@code ?} ends the driver
 * with exit code 1.
 */
public final class SharedJobCluster {

  static final String MARK = "[job-cluster] ";

  static final String SEPARATOR = "--";

  private static final Pattern EXIT_CODE = Pattern.compile("failed with exit code (\\d+)");

  private SharedJobCluster() {}

  /** One task: its main class, its parameters and whether the run goes on when it fails. */
  record Task(String mainClass, List<String> args, boolean mayFail) {

    String name() {
      return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /** The task file's lines of this task. */
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add((mayFail ? "?" : "") + mainClass);
      lines.addAll(args);
      return lines;
    }
  }

  /** Writes a task file of {@code tasks} to {@code file}. */
  static void write(Path file, List<Task> tasks) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Task task : tasks) {
      if (!lines.isEmpty()) {
        lines.add(SEPARATOR);
      }
      for (String line : task.lines()) {
        if (line.equals(SEPARATOR) || line.contains("\n")) {
          throw new IllegalArgumentException("argument cannot be written to a task file: " + line);
        }
        lines.add(line);
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static List<Task> read(Path file) throws IOException {
    List<Task> tasks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.equals(SEPARATOR)) {
        tasks.add(task(current));
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    tasks.add(task(current));
    return tasks;
  }

  private static Task task(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a task without a main class in the task file");
    }
    String first = lines.get(0);
    boolean mayFail = first.startsWith("?");
    return new Task(mayFail ? first.substring(1) : first, lines.subList(1, lines.size()), mayFail);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SharedJobCluster MARKERS TASKS");
    }
    Path markers = Path.of(args[0]);
    List<Task> tasks = read(Path.of(args[1]));
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int n = 0;
    for (Task task : tasks) {
      n++;
      announce("start " + n + " " + task.name());
      long start = System.nanoTime();
      int code = 0;
      try {
        Method main =
            Class.forName(task.mainClass(), true, loader).getMethod("main", String[].class);
        main.invoke(null, (Object) task.args().toArray(String[]::new));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        Matcher exit = EXIT_CODE.matcher(String.valueOf(cause.getMessage()));
        code = exit.find() ? Integer.parseInt(exit.group(1)) : 1;
        System.err.println(MARK + task.name() + " failed: " + cause);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      announce("end " + n + " " + task.name() + " exit " + code + " ms " + ms);
      Files.writeString(markers.resolve(n + "-" + task.name() + ".done"), code + " " + ms);
      if (code != 0 && !task.mayFail()) {
        System.exit(1);
      }
    }
  }

  private static void announce(String line) {
    System.out.println(MARK + line);
    System.out.flush();
    System.err.println(MARK + line);
    System.err.flush();
  }
}
