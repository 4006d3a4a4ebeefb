package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.transform.testing.BronzeFixtures;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Databricks JAR of the line built ({@code
 * movie-jobs/target/movie-status-databricks-dbr16.4.jar}, with {@code -Pspark-4.0} {@code
 * movie-jobs/target/spark-4.0/movie-status-databricks-dbr17.3.jar}) as built by {@code package}:
 * what it bundles, that the bundled libraries are relocated, and that a job's {@code main} runs
 * from it with only the provided Spark/Delta classpath beside it.
 *
 * <p>Regenerate the checked-in package list after an intended change with {@code ./mvnw -B -pl
 * movie-jobs verify -Dit.test=ShadedJarIT -Dshaded.contents.update=true}.
 */
class ShadedJarIT {

  /** Libraries bundled in the JAR, by original package (slash form) → relocated package. */
  private static final Map<String, String> RELOCATED =
      Map.of(
          "retrofit2/", "io/moviestatus/shaded/retrofit2/",
          "okhttp3/", "io/moviestatus/shaded/okhttp3/",
          "okio/", "io/moviestatus/shaded/okio/",
          "com/google/gson/", "io/moviestatus/shaded/gson/",
          "kotlin/", "io/moviestatus/shaded/kotlin/",
          "dev/failsafe/", "io/moviestatus/shaded/failsafe/",
          "picocli/", "io/moviestatus/shaded/picocli/");

  /** What the Databricks runtime provides and the JAR must therefore leave out. */
  private static final List<String> PROVIDED =
      List.of("org/apache/spark/", "scala/", "io/delta/", "org/apache/hadoop/", "org/slf4j/");

  /** A linkage name (class constant or descriptor) naming a library class at its original place. */
  private static final Pattern UNRELOCATED_LINK =
      Pattern.compile(
          "(?:^\\[*|L)(retrofit2|okhttp3|okio|com/google/gson|kotlin|dev/failsafe|picocli)/");

  /** A dotted class name of a library at its original place (services files, manifest values). */
  private static final Pattern UNRELOCATED_NAME =
      Pattern.compile(
          "(?<![\\w.])(retrofit2|okhttp3|okio|com\\.google\\.gson|kotlin|dev\\.failsafe|picocli)\\.[\\w$]");

  private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/(\\d+)/(.*)$");

  private static final String UPDATE_PROPERTY = "shaded.contents.update";

  // ---------------------------------------------------------------------------------------------
  // Contents
  // ---------------------------------------------------------------------------------------------

  @Test
  void bundledPackagesMatchTheCheckedInList() throws IOException {
    Path listFile = Build.module().resolve("shaded-jar-contents.txt");
    Set<String> actual = classPackages(Build.shadedJar());

    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "# Java packages of the .class entries in the Databricks JARs (movie-status-databricks-dbr*.jar, both Spark lines), sorted; checked by ShadedJarIT.");
      lines.add(
          "# Regenerate: ./mvnw -B -pl movie-jobs verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ShadedJarIT -D"
              + UPDATE_PROPERTY
              + "=true");
      lines.addAll(actual);
      Files.write(listFile, lines, StandardCharsets.UTF_8);
      System.out.println(
          "ShadedJarIT: rewrote "
              + listFile
              + " ("
              + actual.size()
              + " packages); review the diff and commit it.");
      return;
    }

    assertThat(listFile)
        .as("checked-in package list %s (create it with -D%s=true)", listFile, UPDATE_PROPERTY)
        .exists();
    Set<String> expected =
        Files.readAllLines(listFile, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> added = new TreeSet<>(actual);
    added.removeAll(expected);
    Set<String> removed = new TreeSet<>(expected);
    removed.removeAll(actual);

    assertThat(actual)
        .as(
            "packages bundled in %s differ from %s%n  added (in the JAR, not in the list): %s%n  removed (in the list, not in the JAR): %s%n"
                + "If the change is intended, regenerate the list and commit it:%n"
                + "  ./mvnw -B -pl movie-jobs verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ShadedJarIT -D%s=true%n",
            Build.shadedJar().getFileName(),
            listFile.getFileName(),
            added,
            removed,
            UPDATE_PROPERTY)
        .isEqualTo(expected);
  }

  @Test
  void nameAndManifestGiveTheSparkLineOfTheBuild() throws IOException {
    SparkLine line = SparkLine.built();
    assertThat(Build.shadedJar().getFileName().toString())
        .as("the JAR is named for its Databricks Runtime")
        .isEqualTo("movie-status-databricks-dbr" + line.runtime() + ".jar");
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      java.util.jar.Attributes manifest = jar.getManifest().getMainAttributes();
      assertThat(manifest.getValue("MovieStatus-Spark-Version"))
          .as("Spark version in the manifest")
          .isEqualTo(line.sparkVersion());
      assertThat(manifest.getValue("MovieStatus-Scala-Version"))
          .as("Scala version in the manifest")
          .isEqualTo(line.scalaVersion());
      assertThat(manifest.getValue("MovieStatus-Delta-Version"))
          .as("Delta version in the manifest")
          .isEqualTo(line.deltaVersion());
      assertThat(manifest.getValue("MovieStatus-Databricks-Runtime"))
          .as("Databricks Runtime in the manifest")
          .isEqualTo(line.runtime() + " LTS");
    }
  }

  @Test
  void everyBundledClassIsOursOrRelocatedUnderOurPrefix() throws IOException {
    List<String> violations = new ArrayList<>();
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
          continue;
        }
        Matcher versioned = VERSIONED.matcher(name);
        String path = versioned.matches() ? versioned.group(2) : name;
        if (!path.startsWith("io/moviestatus/")) {
          violations.add(
              name
                  + (versioned.matches() && !path.equals(name)
                      ? "  (multi-release entry: its path was not relocated)"
                      : ""));
        }
      }
    }
    Collections.sort(violations);
    assertThat(violations)
        .as(
            "classes outside io/moviestatus/ in the shaded JAR (everything bundled must be relocated under io.moviestatus.shaded,"
                + " or excluded when the Databricks runtime provides it): %d%n  %s",
            violations.size(), String.join("\n  ", violations))
        .isEmpty();
  }

  @Test
  void runtimeProvidedLibrariesAreLeftOut() throws IOException {
    List<String> violations = new ArrayList<>();
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        Matcher versioned = VERSIONED.matcher(entry.getName());
        String path = versioned.matches() ? versioned.group(2) : entry.getName();
        if (path.endsWith(".class") && PROVIDED.stream().anyMatch(path::startsWith)) {
          violations.add(entry.getName());
        }
      }
    }
    assertThat(violations)
        .as(
            "Spark/Scala/Delta/Hadoop/SLF4J classes bundled although the Databricks runtime provides them:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  @Test
  void noBundledClassDuplicatesAClassOfTheRuntimeClasspath() throws IOException {
    Set<String> bundled = new TreeSet<>();
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
          bundled.add(entry.getName());
        }
      }
    }
    Set<String> duplicated = new TreeSet<>();
    List<Path> runtimeJars =
        Build.providedClasspath().stream()
            .filter(element -> element.toString().endsWith(".jar"))
            .toList();
    // The check means something only against the runtime's real jars (Spark, Delta, Hadoop, ...).
    assertThat(runtimeJars.stream().map(jar -> jar.getFileName().toString()))
        .as("runtime (provided) classpath the shaded JAR is checked against")
        .anyMatch(name -> name.startsWith("spark-core_"))
        .anyMatch(name -> name.startsWith("delta-spark_"))
        .hasSizeGreaterThan(50);
    for (Path element : runtimeJars) {
      try (JarFile runtimeJar = new JarFile(element.toFile())) {
        for (ZipEntry entry : Collections.list(runtimeJar.entries())) {
          if (bundled.contains(entry.getName())) {
            duplicated.add(entry.getName() + " (also in " + element.getFileName() + ")");
          }
        }
      }
    }
    assertThat(bundled).as("classes in the shaded JAR").hasSizeGreaterThan(100);
    assertThat(duplicated)
        .as(
            "classes of the shaded JAR that the runtime classpath also holds (which copy loads would depend on the class loader):%n  %s",
            duplicated.stream().limit(50).collect(Collectors.joining("\n  ")))
        .isEmpty();
  }

  @Test
  void bundledCodeLinksOnlyToRelocatedLibraryClasses() throws IOException {
    List<String> violations = new ArrayList<>();
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".class") || entry.getName().endsWith("module-info.class")) {
          continue;
        }
        byte[] bytes;
        try (var in = jar.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        for (String linked : ClassFile.linkageNames(bytes)) {
          if (UNRELOCATED_LINK.matcher(linked).find()) {
            violations.add(entry.getName() + " -> " + linked);
          }
        }
      }
    }
    assertThat(violations)
        .as(
            "bytecode referring to an unrelocated retrofit2/okhttp3/okio/gson/kotlin/failsafe/picocli class (would load the runtime's copy or fail):%n  %s",
            violations.stream().limit(50).collect(Collectors.joining("\n  ")))
        .isEmpty();
  }

  @Test
  void manifestServicesAndResourcesUseRelocatedNames() throws IOException {
    List<String> violations = new ArrayList<>();
    boolean hasVersionedEntries = false;
    try (JarFile jar = new JarFile(Build.shadedJar().toFile())) {
      Manifest manifest = jar.getManifest();
      if (manifest != null) {
        for (Map.Entry<Object, Object> attribute : manifest.getMainAttributes().entrySet()) {
          if (UNRELOCATED_NAME.matcher(String.valueOf(attribute.getValue())).find()) {
            violations.add("MANIFEST.MF " + attribute.getKey() + ": " + attribute.getValue());
          }
        }
      }
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (VERSIONED.matcher(name).matches() && name.endsWith(".class")) {
          hasVersionedEntries = true;
        }
        if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
          String service = name.substring("META-INF/services/".length());
          if (UNRELOCATED_NAME.matcher(service).find()) {
            violations.add(name + ": service interface name is not relocated");
          }
          String content =
              new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
          for (String line : content.split("\\R")) {
            String provider = line.replaceAll("#.*", "").strip();
            if (!provider.isEmpty() && UNRELOCATED_NAME.matcher(provider).find()) {
              violations.add(name + ": provider " + provider + " is not relocated");
            }
          }
        }
        if (!entry.isDirectory() && !name.endsWith(".class")) {
          for (String original : RELOCATED.keySet()) {
            if (name.startsWith(original)) {
              violations.add(
                  name
                      + ": resource left at the library's original package (its classes look for it under "
                      + RELOCATED.get(original)
                      + ")");
            }
          }
        }
      }
      if (hasVersionedEntries) {
        String multiRelease =
            manifest == null
                ? null
                : manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE);
        if (!"true".equalsIgnoreCase(multiRelease)) {
          violations.add(
              "META-INF/versions/** holds classes but MANIFEST.MF lacks 'Multi-Release: true': the JVM never loads them");
        }
      }
    }
    assertThat(violations)
        .as(
            "unrelocated names in the shaded JAR's manifest, services files or resources:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Smoke runs in a child JVM: the shaded JAR + the provided Spark/Delta classpath only
  // ---------------------------------------------------------------------------------------------

  private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 20);
  private static final LocalDate DAY_2 = LocalDate.of(2026, 11, 21);

  @Test
  void silverJobMainRunsFromTheShadedJarInLocalMode(@TempDir Path tmp) throws Exception {
    Path lake = tmp.resolve("lake");
    BronzeFixtures.genres(lake, DAY_1, Map.of(18, "Drama", 28, "Action", 35, "Comedy"));
    BronzeFixtures.discover(
        lake,
        DAY_1,
        List.of(
            BronzeFixtures.movie(550, "Fight Club", 61.5, 8.0, 1550, 18),
            BronzeFixtures.movie(603, "The Matrix", 40.25, 8.0, 1603, 28)),
        List.of(BronzeFixtures.movie(13, "Forrest Gump", 30.0, 8.0, 1013, 18, 35)));
    BronzeFixtures.discover(
        lake,
        DAY_2,
        List.of(
            BronzeFixtures.movie(603, "The Matrix", 45.5, 8.0, 1603, 28),
            BronzeFixtures.movie(680, "Pulp Fiction", 38.0, 8.0, 1680, 35)));

    // Spark's and Delta's defaults (code generation on, as on Databricks) but for the snapshot
    // partitions the test cluster's spark-defaults.conf and LocalSpark set (Delta's 50 make every
    // snapshot of a small table 50 tasks), and the JIT flags of the launcher's short commands and
    // of SparkClusterIT's drivers. Measured by hand (one cold JVM each, 20 movies x 2 days):
    // 71-74 s with Spark's defaults and the default JIT, 28-36 s with these two changes.
    List<String> jvmArgs =
        new ArrayList<>(
            List.of(
                "-Dspark.master=local[2]",
                "-Dspark.ui.enabled=false",
                "-Dspark.sql.shuffle.partitions=2",
                "-Dspark.databricks.delta.snapshotPartitions=2",
                "-Dspark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
                "-Dspark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog",
                "-Dspark.sql.warehouse.dir=" + tmp.resolve("warehouse").toUri()));
    jvmArgs.addAll(SparkClusterIT.SHORT_RUN_FLAGS);
    Run run =
        Build.runMain(
            tmp, Map.of(), jvmArgs, "io.moviestatus.jobs.SilverJob", "--lake", lake.toString());

    assertThat(run.exitCode())
        .as("exit code of SilverJob.main from the shaded JAR%n%s", run)
        .isZero();
    assertThat(run.stdoutLines())
        .as("SilverJob report on stdout%n%s", run)
        .contains(
            "silver: built 3 bronze file(s)",
            "status_fact: inserted 5, updated 0, deleted 0, quarantined 0",
            "movies_dim: inserted 4, updated 0, deleted 0, quarantined 0");
    assertThat(lake.resolve("silver/status_fact/_delta_log"))
        .as("Delta log of status_fact")
        .isDirectory();
  }

  @Test
  void ingestJobHelpRunsFromTheShadedJarWithRelocatedPicocli(@TempDir Path tmp) throws Exception {
    Run run = Build.runMain(tmp, Map.of(), List.of(), "io.moviestatus.jobs.IngestJob", "--help");

    assertThat(run.exitCode()).as("exit code of IngestJob --help%n%s", run).isZero();
    assertThat(run.stdout())
        .as("usage text%n%s", run)
        .contains("Usage: ingest", "--date", "--top", "--lake", "--tmdb-base-url");
  }

  @Test
  void ingestJobWithABadArgumentExitsNonZeroWithAOneLineError(@TempDir Path tmp) throws Exception {
    Run run =
        Build.runMain(
            tmp,
            Map.of("TMDB_API_TOKEN", "x"),
            List.of(),
            "io.moviestatus.jobs.IngestJob",
            "--top",
            "0",
            "--date",
            "2026-11-25",
            "--lake",
            tmp.resolve("lake").toString());

    assertThat(run.exitCode()).as("exit code of IngestJob --top 0%n%s", run).isNotZero();
    List<String> errors =
        run.stderrLines().stream().filter(line -> line.startsWith("error: ")).toList();
    assertThat(errors).as("one 'error: …' line on stderr%n%s", run).hasSize(1);
    assertThat(errors.get(0)).as("the error names the bad option").contains("--top");
    assertThat(run.stderr())
        .as("no stack trace on stderr%n%s", run)
        .doesNotContain("\tat ", "Exception");
    assertThat(lake(tmp)).as("nothing written to the lake").doesNotExist();
  }

  private static Path lake(Path tmp) {
    return tmp.resolve("lake");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /**
   * The sorted Java packages of the JAR's class entries; multi-release entries as "pkg [java N]".
   */
  static Set<String> classPackages(Path jarFile) throws IOException {
    Set<String> packages = new TreeSet<>();
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class") || entry.isDirectory()) {
          continue;
        }
        Matcher versioned = VERSIONED.matcher(name);
        String path = versioned.matches() ? versioned.group(2) : name;
        int slash = path.lastIndexOf('/');
        String pkg = slash < 0 ? "(default package)" : path.substring(0, slash).replace('/', '.');
        packages.add(versioned.matches() ? pkg + " [java " + versioned.group(1) + "]" : pkg);
      }
    }
    return packages;
  }

  /** The result of a child JVM. */
  record Run(List<String> command, int exitCode, String stdout, String stderr) {
    List<String> stdoutLines() {
      return stdout.lines().map(String::strip).toList();
    }

    List<String> stderrLines() {
      return stderr.lines().map(String::strip).toList();
    }

    @Override
    public String toString() {
      return "command: "
          + String.join(" ", command)
              .replaceAll("-cp \\S+", "-cp <shaded JAR + provided classpath>")
          + "\nexit code: "
          + exitCode
          + "\n--- stdout ---\n"
          + tail(stdout)
          + "\n--- stderr ---\n"
          + tail(stderr);
    }

    private static String tail(String text) {
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  /**
   * Paths of the build and the classpath the Databricks runtime stands for. Shared with
   * TerraformContractIT.
   */
  static final class Build {

    private static final Pattern RELOCATED_JAR =
        Pattern.compile(
            "^(retrofit|converter-[a-z]+|okhttp|logging-interceptor|okio(-jvm)?|gson|kotlin-stdlib(-[a-z0-9]+)?|failsafe|picocli)-[0-9].*\\.jar$");
    private static final List<String> OWN_MODULES =
        List.of(
            "movie-model",
            "movie-ingest",
            "movie-lake",
            "movie-transform",
            "movie-recommend",
            "movie-report",
            "movie-jobs");

    private Build() {}

    /** The movie-jobs module folder (failsafe runs in it; walked up to be safe). */
    static Path module() {
      Path dir = Path.of("").toAbsolutePath();
      for (Path p = dir; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("movie-jobs/pom.xml"))) {
          return p.resolve("movie-jobs");
        }
        if (p.getFileName() != null
            && p.getFileName().toString().equals("movie-jobs")
            && Files.isRegularFile(p.resolve("pom.xml"))) {
          return p;
        }
      }
      throw new IllegalStateException("movie-jobs module not found above " + dir);
    }

    static Path root() {
      return module().getParent();
    }

    /**
     * The build directory of the Spark line under test, as the build passes it ({@code target/}, or
     * {@code target/spark-4.0/} with {@code -Pspark-4.0}).
     */
    static Path buildDir() {
      String dir = System.getProperty("movie-status.build-dir");
      return dir == null ? module().resolve("target") : Path.of(dir);
    }

    static Path shadedJar() {
      Path jar =
          buildDir()
              .resolve(
                  System.getProperty(
                      "movie-status.databricks-jar", "movie-status-databricks-dbr16.4.jar"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar + " is missing: it is built at `package` (run this test with `verify`)");
      }
      return jar;
    }

    /** The JVM flags Spark needs on Java 17, as the build writes them for bin/movie-status. */
    static List<String> jvmOptions() throws IOException {
      return Files.readAllLines(buildDir().resolve("launcher/jvm.options"), StandardCharsets.UTF_8)
          .stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .flatMap(line -> Arrays.stream(line.split("\\s+")))
          .toList();
    }

    /**
     * The launcher classpath (compile + provided) minus our own modules and minus the libraries the
     * shaded JAR relocates: what the Databricks runtime provides. Fails when a group to remove is
     * not found, so a changed classpath.txt format cannot turn the filter into a no-op.
     */
    static List<Path> providedClasspath() throws IOException {
      String text =
          Files.readString(buildDir().resolve("launcher/classpath.txt"), StandardCharsets.UTF_8)
              .strip();
      List<Path> kept = new ArrayList<>();
      Set<String> removedOwn = new TreeSet<>();
      Set<String> removedRelocated = new TreeSet<>();
      for (String element : text.split(java.io.File.pathSeparator)) {
        if (element.isBlank()) {
          continue;
        }
        Path path = Path.of(element);
        String normalized = element.replace('\\', '/');
        String fileName = path.getFileName().toString();
        String own =
            OWN_MODULES.stream()
                .filter(
                    m ->
                        normalized.contains("/" + m + "/")
                            || normalized.contains("/" + m + "_")
                            || fileName.startsWith(m + "-")
                            || fileName.startsWith(m + "_"))
                .findFirst()
                .orElse(null);
        if (own != null || normalized.contains("/io/moviestatus/")) {
          removedOwn.add(own == null ? fileName : own);
        } else if (RELOCATED_JAR.matcher(fileName).matches()) {
          removedRelocated.add(fileName.replaceAll("-[0-9].*$", ""));
        } else {
          kept.add(path);
        }
      }
      assertThat(removedOwn)
          .as("own modules removed from classpath.txt")
          .contains("movie-model", "movie-ingest", "movie-lake", "movie-transform", "movie-report");
      assertThat(removedRelocated)
          .as("relocated libraries removed from classpath.txt")
          .contains("retrofit", "okhttp", "okio", "gson", "kotlin-stdlib", "failsafe", "picocli");
      assertThat(kept.stream().map(p -> p.getFileName().toString()))
          .as("Spark and Delta on the provided classpath")
          .anyMatch(name -> name.startsWith("spark-sql_"))
          .anyMatch(name -> name.startsWith("delta-spark_"));
      return kept;
    }

    /**
     * Runs {@code java <jvm.options> <extra> -cp <shaded JAR + provided> mainClass args} in {@code
     * workDir}.
     */
    static Run runMain(
        Path workDir,
        Map<String, String> env,
        List<String> extraJvmArgs,
        String mainClass,
        String... args)
        throws IOException, InterruptedException {
      List<String> classpath = new ArrayList<>();
      classpath.add(shadedJar().toString());
      providedClasspath().forEach(p -> classpath.add(p.toString()));

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.addAll(jvmOptions());
      Path log4j = buildDir().resolve("launcher/log4j2.properties");
      if (Files.isRegularFile(log4j)) {
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
      }
      command.addAll(extraJvmArgs);
      command.add("-cp");
      command.add(String.join(java.io.File.pathSeparator, classpath));
      command.add(mainClass);
      command.addAll(List.of(args));

      Path out = Files.createTempFile(workDir, "stdout", ".txt");
      Path err = Files.createTempFile(workDir, "stderr", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder
          .environment()
          .remove("DATABRICKS_RUNTIME_VERSION"); // Jobs.main throws instead of exiting there
      builder.environment().remove("TMDB_API_TOKEN");
      builder.environment().remove("TMDB_API_KEY");
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "child JVM did not exit within 5 minutes\n"
                + new Run(command, -1, Files.readString(out), Files.readString(err)));
      }
      return new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
    }
  }

  /**
   * Minimal reader of a class file's linkage names: class constants and field/method descriptors.
   */
  static final class ClassFile {
    private ClassFile() {}

    static List<String> linkageNames(byte[] bytes) {
      try {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
          throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> refs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
          int tag = in.readUnsignedByte();
          switch (tag) {
            case 1 -> utf8[i] = in.readUTF();
            case 7, 16 -> refs.add(in.readUnsignedShort()); // Class, MethodType
            case 12 -> { // NameAndType: name, descriptor
              in.readUnsignedShort();
              refs.add(in.readUnsignedShort());
            }
            case 3, 4, 9, 10, 11, 17, 18 -> in.skipBytes(4);
            case 5, 6 -> {
              in.skipBytes(8);
              i++;
            }
            case 8, 19, 20 -> in.skipBytes(2);
            case 15 -> in.skipBytes(3);
            default -> throw new IOException("unknown constant pool tag " + tag);
          }
        }
        in.skipBytes(6); // access, this, super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        for (int table = 0; table < 2; table++) { // fields, methods
          int members = in.readUnsignedShort();
          for (int m = 0; m < members; m++) {
            in.skipBytes(4); // access, name
            refs.add(in.readUnsignedShort()); // descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
              in.skipBytes(2);
              in.skipBytes(in.readInt());
            }
          }
        }
        List<String> names = new ArrayList<>();
        for (int ref : refs) {
          if (ref > 0 && ref < count && utf8[ref] != null) {
            names.add(utf8[ref]);
          }
        }
        return names;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
