package io.moviestatus.jobs;

import static io.moviestatus.jobs.TerraformHcl.SPARK_JAR_TASK;
import static io.moviestatus.jobs.TerraformHcl.VAR_REFERENCE;
import static io.moviestatus.jobs.TerraformHcl.asMap;
import static io.moviestatus.jobs.TerraformHcl.mask;
import static io.moviestatus.jobs.TerraformHcl.topLevelBlocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.moviestatus.jobs.ShadedJarIT.Build;
import io.moviestatus.jobs.TerraformHcl.Block;
import io.moviestatus.jobs.TerraformHcl.JarTask;
import io.moviestatus.jobs.TerraformHcl.Span;
import io.moviestatus.jobs.TerraformHcl.TfFile;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The contract between {@code terraform/*.tf} and the build: the jobs' main classes exist in the
 * shaded JAR with a {@code main}, every task runs the JAR of {@code spark_version}'s Databricks LTS
 * line and a runtime paired with the other line's JAR fails the plan (issue 32), every {@code
 * var.X} is declared, and every flag a task passes is an option of its runner. It also pins the
 * deployment's security and first-apply properties (issue 33): no secret value in state or outputs,
 * which task sees which secret, isolated Unity Catalog objects, role scopes, no {@code /Shared}
 * path, the RBAC wait, the {@code ip_rules} validation and the report task. Provider arguments
 * cannot be validated here (no provider downloads); the HCL cites the provider doc page next to
 * them.
 *
 * <p>The files are read by {@link TerraformHcl}; only the blocks the contract reads (variables,
 * jobs, anything holding a {@code spark_jar_task}) must parse with hcl4j. Flags are read from the
 * raw text of each {@code spark_jar_task} block, since hcl4j cannot evaluate {@code concat(...)}.
 */
class TerraformContractIT {

  private static List<TfFile> files;

  @BeforeAll
  static void parseTerraform() throws IOException {
    Path dir = Build.root().resolve("terraform");
    files = TerraformHcl.readDirectory(dir);
    assertThat(files).as("terraform/*.tf files in %s", dir).isNotEmpty();
    files.stream()
        .filter(f -> !f.unparsed().isEmpty())
        .forEach(
            f ->
                f.unparsed()
                    .forEach(
                        b ->
                            System.out.printf(
                                "TerraformContractIT: note: hcl4j cannot parse %s:%d %s (%s); the contract does not read it%n",
                                f.name(), f.lineOf(b.offset()), b.header(), b.error())));
  }

  // ---------------------------------------------------------------------------------------------
  // Checks
  // ---------------------------------------------------------------------------------------------

  @Test
  void blocksTheContractReadsAreParsed() {
    List<String> violations = new ArrayList<>();
    for (TfFile file : files) {
      for (Block block : file.unparsed()) {
        boolean read =
            block.header().startsWith("variable ")
                || block.header().matches("^resource\\s+\"databricks_job\".*")
                || SPARK_JAR_TASK.matcher(mask(block.text(), true)).find();
        if (read) {
          violations.add(
              file.name()
                  + ":"
                  + file.lineOf(block.offset())
                  + " "
                  + block.header()
                  + " -> "
                  + block.error());
        }
      }
    }
    assertThat(violations)
        .as(
            "blocks the contract test reads but hcl4j cannot parse (simplify the HCL or extend the test):%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  @Test
  void everySparkJarTaskMainClassIsInTheShadedJarWithAPublicStaticMain() throws Exception {
    Set<String> parsedMainClasses = new TreeSet<>();
    for (TfFile file : files) {
      collectMainClasses(file.parsed(), parsedMainClasses);
    }
    List<JarTask> tasks = jarTasks();
    Set<String> writtenMainClasses =
        tasks.stream().map(JarTask::mainClass).collect(Collectors.toCollection(TreeSet::new));
    assertThat(writtenMainClasses).as("spark_jar_task blocks in terraform/*.tf").isNotEmpty();

    List<String> violations = new ArrayList<>();
    if (!parsedMainClasses.equals(writtenMainClasses)) {
      violations.add(
          "main_class_name values found by hcl4j "
              + parsedMainClasses
              + " differ from those in the spark_jar_task blocks' text "
              + writtenMainClasses);
    }

    List<URL> urls = new ArrayList<>();
    urls.add(Build.shadedJar().toUri().toURL());
    for (Path p : Build.providedClasspath()) {
      urls.add(p.toUri().toURL());
    }
    try (JarFile jar = new JarFile(Build.shadedJar().toFile());
        URLClassLoader runtime =
            new URLClassLoader(
                "databricks-runtime",
                urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
      for (JarTask task : tasks) {
        String mainClass = task.mainClass();
        String entry = mainClass.replace('.', '/') + ".class";
        if (jar.getEntry(entry) == null) {
          violations.add(
              task.where()
                  + ": main_class_name "
                  + mainClass
                  + " is not in "
                  + Build.shadedJar().getFileName()
                  + " (no "
                  + entry
                  + "; runner missing?)");
          continue;
        }
        try {
          Class<?> type = Class.forName(mainClass, false, runtime);
          Method main = type.getMethod("main", String[].class);
          if (!Modifier.isStatic(main.getModifiers())
              || main.getReturnType() != void.class
              || !Modifier.isPublic(type.getModifiers())) {
            violations.add(
                task.where()
                    + ": "
                    + mainClass
                    + " has no public static void main(String[]) (found: "
                    + main
                    + ")");
          }
        } catch (NoSuchMethodException e) {
          violations.add(
              task.where() + ": " + mainClass + " in the shaded JAR has no public main(String[])");
        } catch (ReflectiveOperationException | LinkageError e) {
          violations.add(
              task.where()
                  + ": "
                  + mainClass
                  + " does not load from the shaded JAR + provided classpath: "
                  + e);
        }
      }
    }
    assertThat(violations)
        .as(
            "spark_jar_task main classes that the shaded JAR cannot run:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Issue 32: the Databricks LTS lines (16.4: Spark 3.5 / Scala 2.12, 17.3: Spark 4.0 / Scala 2.13)
  // ---------------------------------------------------------------------------------------------

  /** One entry of {@code local.databricks_lines} (terraform/databricks_runtime.tf), unquoted. */
  private record Line(
      String tag,
      String name,
      Pattern runtime,
      String spark,
      String scala,
      String jarDir,
      String jarFile,
      String build) {}

  /** {@code local.databricks_lines} by tag, in the order written. */
  private static Map<String, Line> lines() {
    Map<String, Line> lines = new LinkedHashMap<>();
    for (Span span : spans()) {
      Map<String, String> a = span.attributes();
      if (span.header().isEmpty()
          && span.parent() != null
          && span.parent().header().equals("locals")
          && span.file().equals("databricks_runtime.tf")
          && a.containsKey("tag")) {
        assertThat(a.keySet())
            .as("attributes of a databricks_lines entry")
            .containsExactly(
                "tag", "name", "runtime", "spark", "scala", "jar_dir", "jar_file", "build");
        Line line =
            new Line(
                unquote(a.get("tag")),
                unquote(a.get("name")),
                Pattern.compile(unquote(a.get("runtime"))),
                unquote(a.get("spark")),
                unquote(a.get("scala")),
                unquote(a.get("jar_dir")),
                unquote(a.get("jar_file")),
                unquote(a.get("build")));
        lines.put(line.tag(), line);
      }
    }
    assertThat(allCode())
        .as("local.databricks_lines is a list of those entries")
        .containsPattern("\\bdatabricks_lines\\s*=\\s*\\[");
    return lines;
  }

  /** The tag of the line whose runtime pattern matches a spark_version key, or "rejected". */
  private static String lineOf(String sparkVersion, Map<String, Line> lines) {
    // RE2 (Terraform's regex) and java.util.regex agree on these anchored patterns.
    List<String> tags =
        lines.values().stream()
            .filter(l -> l.runtime().matcher(sparkVersion).find())
            .map(Line::tag)
            .toList();
    assertThat(tags).as("lines matching %s", sparkVersion).hasSizeLessThanOrEqualTo(1);
    return tags.isEmpty() ? "rejected" : tags.get(0);
  }

  @Test
  void sparkVersionAcceptsThe164And173LtsRuntimesEachWithTheJarOfItsLine() throws IOException {
    Map<String, Line> lines = lines();
    assertThat(lines.values())
        .as("the lines: tag, runtime, Spark, Scala, the JAR the build writes, how to build it")
        .extracting(
            Line::tag,
            Line::name,
            Line::spark,
            Line::scala,
            Line::jarDir,
            Line::jarFile,
            Line::build)
        .containsExactly(
            tuple(
                "dbr16.4",
                "Databricks Runtime 16.4 LTS",
                "3.5",
                "2.12",
                "../movie-jobs/target",
                "movie-status-databricks-dbr16.4.jar",
                "./mvnw -B -DskipTests package"),
            tuple(
                "dbr17.3",
                "Databricks Runtime 17.3 LTS",
                "4.0",
                "2.13",
                "../movie-jobs/target/spark-4.0",
                "movie-status-databricks-dbr17.3.jar",
                "./mvnw -B -Pspark-4.0 -DskipTests package"));

    // Runtime keys of the Clusters API (16.4 LTS has a Scala 2.12 and a Scala 2.13 image; 17.3
    // LTS is Scala 2.13 only), their variants, and near misses.
    Map<String, String> verdicts = new TreeMap<>();
    for (String key :
        List.of(
            "16.4.x-scala2.12",
            "16.4.x-photon-scala2.12",
            "16.4.x-cpu-ml-scala2.12",
            "16.4.x-gpu-ml-scala2.12",
            "16.4.x-scala2.13",
            "16.4.x-photon-scala2.13",
            "17.3.x-scala2.13",
            "17.3.x-photon-scala2.13",
            "17.3.x-cpu-ml-scala2.13",
            "17.3.x-scala2.12",
            "15.4.x-scala2.12",
            "17.2.x-scala2.13",
            "116.4.x-scala2.12",
            "16.4.x-scala2.12-beta")) {
      verdicts.put(key, lineOf(key, lines));
    }
    assertThat(verdicts)
        .as("spark_version keys and the line each one runs")
        .isEqualTo(
            Map.ofEntries(
                Map.entry("16.4.x-scala2.12", "dbr16.4"),
                Map.entry("16.4.x-photon-scala2.12", "dbr16.4"),
                Map.entry("16.4.x-cpu-ml-scala2.12", "dbr16.4"),
                Map.entry("16.4.x-gpu-ml-scala2.12", "dbr16.4"),
                Map.entry("16.4.x-scala2.13", "rejected"),
                Map.entry("16.4.x-photon-scala2.13", "rejected"),
                Map.entry("17.3.x-scala2.13", "dbr17.3"),
                Map.entry("17.3.x-photon-scala2.13", "dbr17.3"),
                Map.entry("17.3.x-cpu-ml-scala2.13", "dbr17.3"),
                Map.entry("17.3.x-scala2.12", "rejected"),
                Map.entry("15.4.x-scala2.12", "rejected"),
                Map.entry("17.2.x-scala2.13", "rejected"),
                Map.entry("116.4.x-scala2.12", "rejected"),
                Map.entry("16.4.x-scala2.12-beta", "rejected")));

    // The validation admits exactly the keys of a line; its message names what it admits.
    Span validation =
        topSpan("variable \"spark_version\"").children(spans()).stream()
            .filter(s -> s.header().equals("validation"))
            .findFirst()
            .orElseThrow();
    Map<String, String> rule = validation.attributes();
    assertThat(rule.get("condition"))
        .isEqualTo(
            "anytrue([for line in local.databricks_lines : can(regex(line.runtime, var.spark_version))])");
    Map<String, String> named = new TreeMap<>();
    Matcher key =
        Pattern.compile("\\b\\d+\\.\\d+\\.x-[a-z0-9-]*scala2\\.1\\d\\b")
            .matcher(rule.get("error_message"));
    while (key.find()) {
      named.put(key.group(), lineOf(key.group(), lines));
    }
    assertThat(named)
        .as("runtime keys the validation's message names")
        .isEqualTo(
            Map.of(
                "16.4.x-scala2.12", "dbr16.4",
                "16.4.x-photon-scala2.12", "dbr16.4",
                "17.3.x-scala2.13", "dbr17.3",
                "17.3.x-cpu-ml-scala2.13", "dbr17.3",
                "16.4.x-scala2.13", "rejected"));
    assertThat(rule.get("error_message"))
        .contains("Spark 3.5")
        .contains("Spark 4.0")
        .contains("16.4.x-scala2.13 is not built");
    assertThat(allCode().replaceAll("\\s+", " "))
        .as("local.runtime_line: the one line whose pattern matches")
        .contains(
            "runtime_line = one([for line in local.databricks_lines : line if can(regex(line.runtime, var.spark_version))])");

    assertThat(asMap(variables().get("spark_version")).get("default"))
        .isEqualTo("16.4.x-scala2.12");
    Map<String, String> perEnvironment = new TreeMap<>();
    for (String env : List.of("dev", "prod")) {
      Matcher m =
          Pattern.compile("(?m)^\\s*spark_version\\s*=\\s*\"([^\"]*)\"")
              .matcher(mask(terraformFile("vars/" + env + ".tfvars"), false));
      perEnvironment.put(env, m.find() ? lineOf(m.group(1), lines) : "<unset>");
    }
    assertThat(perEnvironment)
        .as("the example tfvars' runtimes")
        .isEqualTo(Map.of("dev", "dbr16.4", "prod", "dbr16.4"));
  }

  @Test
  void everyTaskRunsTheOneUploadedJarOfTheRuntimesLine() throws IOException {
    Map<String, Line> lines = lines();
    List<String> clusters = new ArrayList<>();
    Matcher runtime = Pattern.compile("\\bspark_version\\s*=\\s*([^\\n]+)").matcher(allCode());
    while (runtime.find()) {
      clusters.add(runtime.group(1).strip());
    }
    assertThat(clusters)
        .as("spark_version of every cluster (one runtime, so one line, for every task)")
        .hasSize((int) spans().stream().filter(s -> s.header().equals("new_cluster")).count())
        .containsOnly("var.spark_version");
    Matcher library = Pattern.compile("\\bjar\\s*=\\s*([^\\n]+)").matcher(allCode());
    List<String> jars = new ArrayList<>();
    while (library.find()) {
      jars.add(library.group(1).strip());
    }
    assertThat(jars)
        .as("library { jar = ... } of every task: the one uploaded file")
        .hasSize(jarTasks().size())
        .containsOnly("databricks_file.jar.path");
    assertThat(spans().stream().filter(s -> s.parent() == null).map(Span::header))
        .as("JAR uploads")
        .filteredOn(h -> h.startsWith("resource \"databricks_file\""))
        .containsExactly("resource \"databricks_file\" \"jar\"");
    Map<String, String> upload = attributes("resource \"databricks_file\" \"jar\"");
    assertThat(upload.get("source")).isEqualTo("local.jar_source");
    assertThat(upload.get("path")).endsWith("/${local.jar_file}\"");

    // The JAR: var.jar_path, else the runtime line's; its line is read from its file name.
    assertThat(allCode().replaceAll("\\s+", " "))
        .as("local.jar_path, jar_file, jar_source and jar_line")
        .contains(
            "jar_path = var.jar_path != null ? var.jar_path : \"${local.runtime_line.jar_dir}/${local.runtime_line.jar_file}\"")
        .contains("jar_file = basename(local.jar_path)")
        .contains(
            "jar_source = startswith(local.jar_path, \"/\") ? local.jar_path : \"${path.module}/${local.jar_path}\"")
        .contains(
            "jar_line = one([for line in local.databricks_lines : line if strcontains(local.jar_file, line.tag)])");
    Map<String, Object> jarPath = asMap(variables().get("jar_path"));
    assertThat(jarPath).as("variable jar_path").containsEntry("default", null);

    // Each line's JAR is where the build writes it and carries its own tag only.
    Path terraform = Build.root().resolve("terraform");
    Map<String, String> defaults = new TreeMap<>();
    for (Line line : lines.values()) {
      Path jar = terraform.resolve(line.jarDir()).resolve(line.jarFile()).normalize();
      defaults.put(
          line.tag(),
          Build.root().relativize(jar)
              + " tags "
              + lines.keySet().stream().filter(line.jarFile()::contains).toList());
    }
    assertThat(defaults)
        .as("default JAR of each line, from terraform/")
        .isEqualTo(
            Map.of(
                "dbr16.4", "movie-jobs/target/movie-status-databricks-dbr16.4.jar tags [dbr16.4]",
                "dbr17.3",
                    "movie-jobs/target/spark-4.0/movie-status-databricks-dbr17.3.jar tags [dbr17.3]"));
    // An example tfvars file may name another JAR only of its runtime's line.
    Path vars = terraform.resolve("vars");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> list = Files.list(vars)) {
      for (Path tfvars : list.filter(p -> p.toString().endsWith(".tfvars")).sorted().toList()) {
        String text = mask(Files.readString(tfvars), false);
        Matcher runtimeKey =
            Pattern.compile("(?m)^\\s*spark_version\\s*=\\s*\"([^\"]*)\"").matcher(text);
        String line = runtimeKey.find() ? lineOf(runtimeKey.group(1), lines) : "dbr16.4";
        Matcher m = Pattern.compile("(?m)^\\s*jar_path\\s*=\\s*\"([^\"]*)\"").matcher(text);
        while (m.find()) {
          if (!Path.of(m.group(1)).getFileName().toString().contains(line)) {
            violations.add(
                terraform.relativize(tfvars)
                    + " sets jar_path = \""
                    + m.group(1)
                    + "\", not a "
                    + line
                    + " JAR");
          }
        }
      }
    }
    assertThat(violations).as("tfvars JAR overrides of another line").isEmpty();

    // Last, as it needs the build of issue 32: the JAR it writes is one of those.
    Path built = Build.shadedJar().toAbsolutePath().normalize();
    assertThat(
            lines.values().stream()
                .map(
                    l ->
                        terraform
                            .resolve(l.jarDir())
                            .resolve(l.jarFile())
                            .toAbsolutePath()
                            .normalize())
                .toList())
        .as("the built shaded JAR is the default JAR of a line (movie-status-databricks-<tag>.jar)")
        .contains(built);
  }

  @Test
  void aRuntimePairedWithTheOtherLinesJarFailsThePlanNamingBothVersions() {
    Map<String, Line> lines = lines();
    List<Map<String, String>> preconditions =
        topSpan("resource \"databricks_file\" \"jar\"").children(spans()).stream()
            .filter(s -> s.header().equals("lifecycle"))
            .flatMap(s -> s.children(spans()).stream())
            .filter(s -> s.header().equals("precondition"))
            .map(Span::attributes)
            .toList();
    assertThat(preconditions)
        .as("preconditions of the JAR upload (checked at plan, before anything is created)")
        .extracting(p -> p.get("condition"))
        .containsExactly("local.jar_line == local.runtime_line", "local.jar_exists");

    String message = preconditions.get(0).get("error_message");
    Map<String, String> messages = new LinkedHashMap<>();
    for (List<String> pair :
        List.of(
            List.of("17.3.x-scala2.13", "dbr16.4"),
            List.of("16.4.x-photon-scala2.12", "dbr17.3"))) {
      Line runtimeLine = lines.get(lineOf(pair.get(0), lines));
      Line jarLine = lines.get(pair.get(1));
      Map<String, Object> bindings = new LinkedHashMap<>();
      bindings.put("var.spark_version", pair.get(0));
      bindings.put("local.runtime_line.name", runtimeLine.name());
      bindings.put("local.runtime_line.spark", runtimeLine.spark());
      bindings.put("local.runtime_line.scala", runtimeLine.scala());
      bindings.put("local.runtime_line.jar_file", runtimeLine.jarFile());
      bindings.put("local.jar_file", jarLine.jarFile());
      bindings.put("local.jar_line.spark", jarLine.spark());
      bindings.put("local.jar_line.scala", jarLine.scala());
      messages.put(
          pair.get(0) + " + " + jarLine.jarFile(),
          TerraformExpression.evaluateList("[" + message + "]", bindings).get(0));
    }
    assertThat(messages)
        .as("the plan's error for a runtime paired with the other line's JAR")
        .containsExactly(
            Map.entry(
                "17.3.x-scala2.13 + movie-status-databricks-dbr16.4.jar",
                "spark_version 17.3.x-scala2.13 is Databricks Runtime 17.3 LTS (Spark 4.0, Scala 2.13)"
                    + " and needs movie-status-databricks-dbr17.3.jar; jar_path is"
                    + " movie-status-databricks-dbr16.4.jar, built for Spark 3.5 / Scala 2.12."),
            Map.entry(
                "16.4.x-photon-scala2.12 + movie-status-databricks-dbr17.3.jar",
                "spark_version 16.4.x-photon-scala2.12 is Databricks Runtime 16.4 LTS (Spark 3.5,"
                    + " Scala 2.12) and needs movie-status-databricks-dbr16.4.jar; jar_path is"
                    + " movie-status-databricks-dbr17.3.jar, built for Spark 4.0 / Scala 2.13."));

    // A jar_path naming no line (or both) fails its validation, so local.jar_line is never null
    // at the precondition.
    List<Map<String, String>> rules =
        topSpan("variable \"jar_path\"").children(spans()).stream()
            .filter(s -> s.header().equals("validation"))
            .map(Span::attributes)
            .toList();
    assertThat(rules)
        .extracting(r -> r.get("condition"))
        .contains(
            "var.jar_path == null || length([for line in local.databricks_lines : line if strcontains(basename(coalesce(var.jar_path, \"-\")), line.tag)]) == 1");
    Map<String, List<String>> named = new TreeMap<>();
    for (String file :
        List.of(
            "movie-status-databricks-dbr16.4.jar",
            "movie-status-databricks-dbr17.3.jar",
            "movie-status-databricks.jar",
            "movie-status-databricks-dbr16.4-dbr17.3.jar")) {
      named.put(file, lines.keySet().stream().filter(file::contains).toList());
    }
    assertThat(named)
        .as("lines a JAR file name carries (exactly one passes)")
        .isEqualTo(
            Map.of(
                "movie-status-databricks-dbr16.4.jar", List.of("dbr16.4"),
                "movie-status-databricks-dbr17.3.jar", List.of("dbr17.3"),
                "movie-status-databricks.jar", List.of(),
                "movie-status-databricks-dbr16.4-dbr17.3.jar", List.of("dbr16.4", "dbr17.3")));
    assertThat(rules.get(rules.size() - 1).get("error_message"))
        .contains("dbr16.4 (Spark 3.5 / Scala 2.12)")
        .contains("dbr17.3 (Spark 4.0 / Scala 2.13)");
  }

  @Test
  void everyReferencedVariableIsDeclared() {
    Set<String> declared = variables().keySet();
    Map<String, List<String>> undeclared = new TreeMap<>();
    for (TfFile file : files) {
      Matcher m = VAR_REFERENCE.matcher(mask(file.text(), false));
      while (m.find()) {
        if (!declared.contains(m.group(1))) {
          undeclared
              .computeIfAbsent("var." + m.group(1), k -> new ArrayList<>())
              .add(file.name() + ":" + file.lineOf(m.start()));
        }
      }
    }
    assertThat(undeclared)
        .as(
            "var.X referenced in terraform/*.tf without a variable \"X\" block (declared: %d):%n  %s",
            declared.size(),
            undeclared.entrySet().stream()
                .map(e -> e.getKey() + " at " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n  ")))
        .isEmpty();
  }

  @Test
  void everyTaskParameterFlagIsAnOptionOfItsRunner() {
    List<String> violations = new ArrayList<>();
    for (JarTask task : jarTasks()) {
      CommandLine commandLine;
      try {
        Class<?> type = Class.forName(task.mainClass());
        commandLine = new CommandLine(type.getDeclaredConstructor().newInstance());
      } catch (ClassNotFoundException e) {
        violations.add(
            task.where()
                + ": runner "
                + task.mainClass()
                + " does not exist (not on the test classpath); its flags "
                + task.flags()
                + " cannot be checked");
        continue;
      } catch (ReflectiveOperationException | CommandLine.InitializationException e) {
        violations.add(
            task.where()
                + ": "
                + task.mainClass()
                + " is not a picocli command with a no-argument constructor: "
                + e);
        continue;
      }
      for (String flag : task.flags()) {
        if (commandLine.getCommandSpec().findOption(flag) == null) {
          violations.add(
              task.where()
                  + ": "
                  + task.mainClass()
                  + " has no option "
                  + flag
                  + " (its options: "
                  + commandLine.getCommandSpec().options().stream()
                      .map(o -> o.longestName())
                      .sorted()
                      .toList()
                  + ")");
        }
      }
    }
    assertThat(violations)
        .as(
            "spark_jar_task parameters that their runners do not accept:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Unity Catalog, secrets and the JAR's location
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyJarTaskPassesTheCatalogAndSchemaTheDeploymentCreates() {
    List<String> violations = new ArrayList<>();
    for (JarTask task : jarTasks()) {
      String text = task.text().replaceAll("\\s+", " ");
      if (!text.contains("\"--catalog\", databricks_catalog.lake.name")) {
        violations.add(task.where() + " does not pass \"--catalog\", databricks_catalog.lake.name");
      }
      if (!text.contains("\"--schema\", databricks_schema.movies.name")) {
        violations.add(task.where() + " does not pass \"--schema\", databricks_schema.movies.name");
      }
    }
    String code = allCode();
    assertThat(violations)
        .as(
            "tasks that would not register the tables by name:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
    assertThat(blockText("resource \"databricks_catalog\" \"lake\""))
        .as("the catalog is named from var.uc_catalog_name (through local.uc_catalog_name)")
        .containsPattern("\\bname\\s*=\\s*local\\.uc_catalog_name\\b");
    assertThat(blockText("resource \"databricks_schema\" \"movies\""))
        .containsPattern("\\bname\\s*=\\s*local\\.uc_schema_name\\b");
    assertThat(code)
        .containsPattern("\\buc_catalog_name\\s*=\\s*coalesce\\(var\\.uc_catalog_name\\b")
        .containsPattern("\\buc_schema_name\\s*=\\s*var\\.uc_schema_name\\b");
    assertThat(asMap(variables().get("uc_schema_name")).get("default"))
        .as("default schema = the runners' default (TableNaming.DEFAULT_SCHEMA)")
        .isEqualTo(io.moviestatus.model.TableNaming.DEFAULT_SCHEMA);
  }

  @Test
  void noClusterCarriesAStorageSecretInItsSparkConf() {
    String code = allCode();
    assertThat(code)
        .as("ABFS OAuth keys in terraform/*.tf (storage goes through Unity Catalog)")
        .doesNotContain("fs.azure.account")
        .doesNotContain("oauth2");
    Matcher conf = Pattern.compile("\\bspark_conf\\s*=\\s*([^\\n]+)").matcher(code);
    List<String> values = new ArrayList<>();
    while (conf.find()) {
      values.add(conf.group(1).strip());
    }
    assertThat(values)
        .as("spark_conf assignments")
        .isNotEmpty()
        .containsOnly("local.cluster_spark_conf");
    Matcher local =
        Pattern.compile("(?s)\\bcluster_spark_conf\\s*=\\s*(.*?)\\n\\s*\\n").matcher(code);
    assertThat(local.find()).as("local.cluster_spark_conf is defined").isTrue();
    assertThat(local.group(1)).as("local.cluster_spark_conf").doesNotContain("secret");
  }

  @Test
  void theJarIsAUnityCatalogVolumeFileNotAWorkspaceFileUnderShared() {
    String code = allCode();
    assertThat(code).as("workspace-file JAR upload").doesNotContain("databricks_workspace_file");
    Matcher jar = Pattern.compile("\\bjar\\s*=\\s*([^\\n]+)").matcher(code);
    List<String> jars = new ArrayList<>();
    while (jar.find()) {
      jars.add(jar.group(1).strip());
    }
    assertThat(jars)
        .as("library { jar = ... } of every task")
        .hasSize(jarTasks().size())
        .containsOnly("databricks_file.jar.path");
    String file = blockText("resource \"databricks_file\" \"jar\"");
    Matcher path = Pattern.compile("\\bpath\\s*=\\s*\"([^\"]*)\"").matcher(file);
    assertThat(path.find()).as("path of databricks_file.jar").isTrue();
    assertThat(path.group(1))
        .as("the JAR's path: a Unity Catalog volume, writable by its owner only")
        .startsWith("/Volumes/")
        .doesNotContain("/Shared");
    assertThat(blockText("resource \"databricks_grants\" \"artifacts\""))
        .as("the job principal reads the volume and cannot write it")
        .contains("READ_VOLUME")
        .doesNotContain("WRITE_VOLUME")
        .doesNotContain("ALL_PRIVILEGES");
  }

  @Test
  void noOutputExposesASecret() {
    Pattern secretSource =
        Pattern.compile(
            "azuread_application_password|azuread_service_principal_password|var\\.tmdb_api_token\\b|var\\.ratings_hmac_key\\b|databricks_secret\\.|azurerm_key_vault_secret\\.|random_password\\.|ephemeral\\.|local\\.secret_ref|client_secret");
    List<String> violations = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (TfFile file : files) {
      for (Block block : topLevelBlocks(file.text())) {
        if (!block.header().startsWith("output ")) {
          continue;
        }
        outputs.add(block.header());
        String code = mask(block.text(), false);
        // in expressions (descriptions may name the secrets)
        if (secretSource.matcher(mask(block.text(), true)).find()) {
          violations.add(file.name() + ":" + file.lineOf(block.offset()) + " " + block.header());
        }
        if (code.matches("(?s).*\\b(sensitive|ephemeral)\\s*=\\s*true\\b.*")) {
          violations.add(block.header() + " is sensitive or ephemeral: no output carries a secret");
        }
      }
    }
    assertThat(outputs)
        .as("output blocks")
        .isNotEmpty()
        .doesNotContain("output \"ratings_hmac_key\"");
    assertThat(violations)
        .as("outputs exposing secrets:%n  %s", String.join("\n  ", violations))
        .isEmpty();
  }

  @Test
  void workspaceSkuIsPremiumOrTrialAndNoScopeIsManageableByAllUsers() {
    String sku = blockText("variable \"databricks_sku\"");
    Matcher allowed =
        Pattern.compile("contains\\(\\[([^\\]]*)\\],\\s*var\\.databricks_sku\\)").matcher(sku);
    assertThat(allowed.find())
        .as("databricks_sku validation: contains([...], var.databricks_sku)")
        .isTrue();
    assertThat(allowed.group(1).replaceAll("[\"\\s]", "").split(","))
        .as("SKUs the validation accepts")
        .containsExactlyInAnyOrder("premium", "trial");
    assertThat(asMap(variables().get("databricks_sku")).get("default")).isEqualTo("premium");
    assertThat(allCode())
        .as("secret scope managed by all users")
        .doesNotContain("initial_manage_principal");
  }

  // ---------------------------------------------------------------------------------------------
  // Issue 33: no secret in state, least privilege, isolated Unity Catalog objects, the report
  // ---------------------------------------------------------------------------------------------

  @Test
  void noResourceStoresASecretValueTheyAreWrittenWriteOnlyFromEphemeralSources() {
    String code = allCode();
    List<String> headers =
        spans().stream().filter(s -> s.parent() == null).map(Span::header).toList();
    assertThat(headers)
        .as("resources that keep a secret value in state")
        .noneMatch(h -> h.startsWith("resource \"databricks_secret\""))
        .noneMatch(h -> h.startsWith("resource \"random_password\""))
        .contains("ephemeral \"random_password\" \"ratings_hmac_key\"");
    assertThat(code).as("databricks_secret string_value").doesNotContain("string_value");

    Map<String, Map<String, String>> secrets = new TreeMap<>();
    for (Span span : spans()) {
      Matcher m =
          Pattern.compile("^resource\\s+\"azurerm_key_vault_secret\"\\s+\"([^\"]+)\"$")
              .matcher(span.header());
      if (m.matches()) {
        Map<String, String> a = span.attributes();
        Map<String, String> value = new TreeMap<>();
        for (String name : List.of("value", "value_wo", "value_wo_version", "key_vault_id")) {
          value.put(name, a.getOrDefault(name, "<none>"));
        }
        secrets.put(m.group(1), value);
      }
    }
    assertThat(secrets)
        .as(
            "azurerm_key_vault_secret: write-only value (never in plan or state), version for rotation")
        .isEqualTo(
            Map.of(
                "tmdb_api_token",
                Map.of(
                    "value", "<none>",
                    "value_wo", "var.tmdb_api_token",
                    "value_wo_version", "var.tmdb_api_token_version",
                    "key_vault_id", "azurerm_key_vault.secrets.id"),
                "ratings_hmac_key",
                Map.of(
                    "value", "<none>",
                    "value_wo",
                        "var.ratings_hmac_key != null ? var.ratings_hmac_key : ephemeral.random_password.ratings_hmac_key.result",
                    "value_wo_version", "var.ratings_hmac_key_version",
                    "key_vault_id", "azurerm_key_vault.secrets.id")));

    // The secret sources reach nothing but those write-only arguments (and their own validation).
    Pattern source =
        Pattern.compile(
            "var\\.tmdb_api_token\\b(?!_)|var\\.ratings_hmac_key\\b(?!_)|ephemeral\\.random_password\\.");
    List<String> uses = new ArrayList<>();
    for (TfFile file : files) {
      if (file.name().equals("variables.tf")) {
        continue;
      }
      String fileCode = mask(file.text(), false);
      Matcher m = source.matcher(fileCode);
      while (m.find()) {
        Span in = innermost(file.name(), m.start());
        String line =
            fileCode.substring(fileCode.lastIndexOf('\n', m.start()) + 1, m.start()).strip();
        uses.add(in.header() + " " + line.replaceAll("\\s*=.*", "") + " <- " + m.group());
      }
    }
    assertThat(uses)
        .as("where the secret sources are used outside variables.tf")
        .containsExactlyInAnyOrder(
            "resource \"azurerm_key_vault_secret\" \"tmdb_api_token\" value_wo <- var.tmdb_api_token",
            "resource \"azurerm_key_vault_secret\" \"ratings_hmac_key\" value_wo <- var.ratings_hmac_key",
            "resource \"azurerm_key_vault_secret\" \"ratings_hmac_key\" value_wo <- var.ratings_hmac_key",
            "resource \"azurerm_key_vault_secret\" \"ratings_hmac_key\" value_wo <- ephemeral.random_password.");

    for (String name : List.of("tmdb_api_token", "ratings_hmac_key")) {
      Map<String, Object> variable = asMap(variables().get(name));
      assertThat(variable.get("ephemeral"))
          .as("variable %s is ephemeral (never in plan or state)", name)
          .isEqualTo(Boolean.TRUE);
      assertThat(variable.get("sensitive")).as("variable %s is sensitive", name).isEqualTo(true);
    }

    Map<String, String> terraform = attributes("terraform");
    assertThat(terraform.get("required_version"))
        .as("write-only arguments need Terraform 1.11 (ephemeral resources and variables 1.10)")
        .isEqualTo("\">= 1.11\"");
    Map<String, String> random =
        topSpan("terraform").children(spans()).stream()
            .filter(s -> s.header().equals("required_providers"))
            .flatMap(s -> s.children(spans()).stream())
            .filter(s -> s.header().equals("random ="))
            .findFirst()
            .orElseThrow()
            .attributes();
    assertThat(random.get("version"))
        .as("the random_password ephemeral resource came with random 3.7.0")
        .isEqualTo("\"~> 3.7\"");

    Map<String, String> vault = attributes("resource \"azurerm_key_vault\" \"secrets\"");
    assertThat(vault)
        .as("the Key Vault: RBAC authorization, soft delete, purge protection")
        .containsEntry("rbac_authorization_enabled", "true")
        .containsEntry("purge_protection_enabled", "true")
        .containsEntry("soft_delete_retention_days", "var.key_vault_soft_delete_retention_days");
    Span scope = topSpan("resource \"databricks_secret_scope\" \"this\"");
    assertThat(
            scope.children(spans()).stream()
                .filter(s -> s.header().equals("keyvault_metadata"))
                .map(Span::attributes)
                .toList())
        .as("the secret scope is backed by the vault")
        .containsExactly(
            Map.of(
                "resource_id", "azurerm_key_vault.secrets.id",
                "dns_name", "azurerm_key_vault.secrets.vault_uri"));
    assertThat(attributes("resource \"databricks_secret_acl\" \"runner_read\""))
        .as("only the job principal reads the scope")
        .containsEntry("principal", "databricks_service_principal.runner.application_id")
        .containsEntry("permission", "\"READ\"");
  }

  @Test
  void eachSecretReachesOnlyTheClusterOfTheTaskThatNeedsIt() {
    List<JobTask> tasks = jobTasks();
    List<String> reached = new ArrayList<>();
    List<String> references = new ArrayList<>();
    Pattern secretRef = Pattern.compile("\\blocal\\.secret_ref\\.([a-z_]+)");
    for (TfFile file : files) {
      String code = mask(file.text(), false);
      Matcher m = secretRef.matcher(code);
      while (m.find()) {
        Span in = innermost(file.name(), m.start());
        JobTask task = taskOf(in, tasks);
        List<String> path = new ArrayList<>();
        for (Span s : in.selfAndAncestors()) {
          if (task != null && s == task.span()) {
            break;
          }
          path.add(0, s.header().replaceAll("\\s*=$", ""));
        }
        String line = code.substring(code.lastIndexOf('\n', m.start()) + 1, m.start()).strip();
        reached.add(
            m.group(1)
                + " -> "
                + (task == null ? file.name() + ":" + in.header() : task.toString())
                + ": "
                + String.join(".", path)
                + "."
                + line.replaceAll("\\s*=$", ""));
      }
      Matcher literal = Pattern.compile("\\{\\{secrets/").matcher(code);
      while (literal.find()) {
        Span in = innermost(file.name(), literal.start());
        references.add(
            file.name()
                + ":"
                + in.selfAndAncestors().get(in.selfAndAncestors().size() - 1).header());
      }
    }
    assertThat(reached)
        .as("which task's cluster receives which secret (as an environment variable)")
        .containsExactlyInAnyOrder(
            "tmdb_api_token -> databricks_job.ingest task ingest: new_cluster.spark_env_vars.TMDB_API_TOKEN",
            "ratings_hmac_key -> databricks_job.pipeline task ratings: new_cluster.spark_env_vars.RATINGS_HMAC_KEY");
    assertThat(references)
        .as("{{secrets/...}} references: only in local.secret_ref")
        .containsExactly("secrets.tf:locals");

    List<String> envVars = new ArrayList<>();
    for (Span span : spans()) {
      if (span.header().equals("spark_env_vars =")) {
        JobTask task = taskOf(span, tasks);
        envVars.add(
            (task == null ? span.parent().toString() : task.toString())
                + " "
                + span.parent().header());
      }
    }
    assertThat(envVars)
        .as("every spark_env_vars: on the own new_cluster of one task, never a shared job_cluster")
        .containsExactlyInAnyOrder(
            "databricks_job.ingest task ingest new_cluster",
            "databricks_job.pipeline task ratings new_cluster");
    JobTask ratings =
        tasks.stream().filter(t -> t.key().equals("ratings")).findFirst().orElseThrow();
    assertThat(ratings.span().attributes())
        .as("the ratings task runs on its own cluster, not the pipeline's shared one")
        .doesNotContainKey("job_cluster_key");
    assertThat(
            tasks.stream()
                .filter(t -> t.job().equals("pipeline"))
                .map(
                    t ->
                        t.key()
                            + "@"
                            + t.span().attributes().getOrDefault("job_cluster_key", "own cluster"))
                .toList())
        .as("the pipeline's tasks and their clusters")
        .containsExactlyInAnyOrder(
            "gold@\"pipeline\"",
            "ratings@own cluster",
            "recommend@\"pipeline\"",
            "report@\"pipeline\"",
            "silver@\"pipeline\"");
  }

  @Test
  void unityCatalogObjectsAreIsolatedOwnedByTheOwnersGroupAndBoundToThisWorkspaceOnly() {
    Map<String, String> isolation = new TreeMap<>();
    Map<String, String> owners = new TreeMap<>();
    Pattern uc =
        Pattern.compile(
            "^resource\\s+\"(databricks_(?:catalog|storage_credential|external_location|schema|volume))\"\\s+\"([^\"]+)\"$");
    for (Span span : spans()) {
      Matcher m = uc.matcher(span.header());
      if (m.matches()) {
        String name = m.group(1) + "." + m.group(2);
        Map<String, String> a = span.attributes();
        owners.put(name, a.getOrDefault("owner", "<none>"));
        if (!m.group(1).equals("databricks_schema") && !m.group(1).equals("databricks_volume")) {
          isolation.put(name, a.getOrDefault("isolation_mode", "<none>"));
        }
      }
    }
    // databricks 1.128 docs (workspace_binding): ISOLATED for catalogs, ISOLATION_MODE_ISOLATED
    // for storage credentials and external locations.
    assertThat(isolation)
        .as("isolation modes")
        .isEqualTo(
            Map.of(
                "databricks_catalog.lake", "\"ISOLATED\"",
                "databricks_storage_credential.lake", "\"ISOLATION_MODE_ISOLATED\"",
                "databricks_external_location.lake", "\"ISOLATION_MODE_ISOLATED\"",
                "databricks_external_location.landing", "\"ISOLATION_MODE_ISOLATED\"",
                "databricks_external_location.managed", "\"ISOLATION_MODE_ISOLATED\""));
    assertThat(owners)
        .as("owners of the Unity Catalog objects")
        .hasSize(8)
        .allSatisfy((name, owner) -> assertThat(owner).as(name).isEqualTo("var.owners_group"));
    assertThat(asMap(variables().get("owners_group")))
        .as("owners_group is required (no default)")
        .doesNotContainKey("default");

    Map<String, String> bindings = new TreeMap<>();
    Matcher binding =
        Pattern.compile(
                "(?m)^\\s*(\\w+)\\s*=\\s*\\{\\s*type\\s*=\\s*\"(\\w+)\",\\s*name\\s*=\\s*([\\w.]+)\\s*}")
            .matcher(localsText("workspace_bindings"));
    while (binding.find()) {
      bindings.put(binding.group(1), binding.group(2) + " " + binding.group(3));
    }
    assertThat(bindings)
        .as("local.workspace_bindings: every isolated object")
        .isEqualTo(
            Map.of(
                "catalog", "catalog databricks_catalog.lake.name",
                "storage_credential", "storage_credential databricks_storage_credential.lake.name",
                "lake", "external_location databricks_external_location.lake.name",
                "landing", "external_location databricks_external_location.landing.name",
                "managed", "external_location databricks_external_location.managed.name"));
    assertThat(attributes("resource \"databricks_workspace_binding\" \"this\""))
        .as(
            "one binding per isolated object, to this workspace, read-write (the only type for locations)")
        .containsEntry("for_each", "local.workspace_bindings")
        .containsEntry("workspace_id", "local.workspace_id")
        .containsEntry("securable_type", "each.value.type")
        .containsEntry("securable_name", "each.value.name")
        .containsEntry("binding_type", "\"BINDING_TYPE_READ_WRITE\"");
    assertThat(allCode())
        .containsPattern(
            "\\bworkspace_id\\s*=\\s*azurerm_databricks_workspace\\.this\\.workspace_id\\b");
  }

  @Test
  void theJobPrincipalWritesOnlyUnderTheLakePrefixAndReadsTheLandingPrefix() {
    Map<String, String> urls = new TreeMap<>();
    for (String name : List.of("lake", "landing", "managed")) {
      Map<String, String> a =
          attributes("resource \"databricks_external_location\" \"" + name + "\"");
      urls.put(
          name,
          a.get("url") + (a.containsKey("read_only") ? " read_only=" + a.get("read_only") : ""));
    }
    assertThat(urls)
        .as("external locations: three disjoint prefixes of the container, landing read-only")
        .isEqualTo(
            Map.of(
                "lake", "\"${local.lake_root_uri}/\"",
                "landing", "\"${local.landing_uri}/\" read_only=true",
                "managed", "\"${local.managed_uri}/\""));
    String code = allCode();
    assertThat(code)
        .as("the prefixes")
        .containsPattern(
            "\\blake_root_uri\\s*=\\s*\"\\$\\{local\\.lake_container_uri}/\\$\\{var\\.lake_root_dir}\"")
        .containsPattern(
            "\\blanding_uri\\s*=\\s*\"\\$\\{local\\.lake_container_uri}/\\$\\{var\\.landing_dir}\"")
        .containsPattern(
            "\\bmanaged_uri\\s*=\\s*\"\\$\\{local\\.lake_container_uri}/\\$\\{local\\.managed_dir}\"")
        .containsPattern("\\bmanaged_dir\\s*=\\s*\"unity-catalog\"");
    assertThat(attributes("resource \"databricks_catalog\" \"lake\""))
        .as("the catalog's managed storage is the managed location, not the lake's")
        .containsEntry("storage_root", "local.managed_uri");

    Map<String, List<String>> grants = new TreeMap<>();
    for (Span span : spans()) {
      if (!span.header().startsWith("resource \"databricks_grants\"")) {
        continue;
      }
      String target = span.attributes().getOrDefault("external_location", "");
      String credential = span.attributes().getOrDefault("storage_credential", "");
      if (target.isEmpty() && credential.isEmpty()) {
        continue;
      }
      for (Span grant : span.children(spans())) {
        if (grant.header().equals("grant")) {
          grants
              .computeIfAbsent(target + credential, k -> new ArrayList<>())
              .add(
                  grant.attributes().get("principal") + " " + grant.attributes().get("privileges"));
        }
      }
    }
    assertThat(grants)
        .as(
            "grants on external locations and credentials (none on the managed location or the credential)")
        .isEqualTo(
            Map.of(
                "databricks_external_location.lake.id",
                List.of(
                    "local.runner_id [\"READ_FILES\", \"WRITE_FILES\", \"CREATE_EXTERNAL_TABLE\"]"),
                "databricks_external_location.landing.id",
                List.of("local.runner_id [\"READ_FILES\"]")));
    String landingValidation = blockText("variable \"ratings_input_path\"").replaceAll("\\s+", " ");
    assertThat(landingValidation)
        .as("relative rating inputs lie below the landing location")
        .contains("can(regex(\"^/?${var.landing_dir}/\", var.ratings_input_path))");
  }

  @Test
  void roleAssignmentsAreTheSmallestRolesAtTheSmallestScopes() {
    Map<String, String> roles = new TreeMap<>();
    for (Span span : spans()) {
      Matcher m =
          Pattern.compile("^resource\\s+\"azurerm_role_assignment\"\\s+\"([^\"]+)\"$")
              .matcher(span.header());
      if (m.matches()) {
        Map<String, String> a = span.attributes();
        roles.put(
            m.group(1),
            a.get("role_definition_name")
                + " on "
                + a.get("scope")
                + " for "
                + a.get("principal_id"));
      }
    }
    assertThat(roles)
        .as(
            "every Azure role assignment: role, scope (a container or the vault, never the account), principal")
        .isEqualTo(
            Map.of(
                "deployer_lake_contributor",
                "\"Storage Blob Data Contributor\" on azurerm_storage_container.lake.id for data.azurerm_client_config.current.object_id",
                "connector_lake_contributor",
                "\"Storage Blob Data Contributor\" on azurerm_storage_container.lake.id for azurerm_databricks_access_connector.lake.identity[0].principal_id",
                "deployer_secrets_officer",
                "\"Key Vault Secrets Officer\" on azurerm_key_vault.secrets.id for data.azurerm_client_config.current.object_id",
                "azure_databricks_secrets_user",
                "\"Key Vault Secrets User\" on azurerm_key_vault.secrets.id for data.azuread_service_principal.azure_databricks.object_id"));
    // azurerm 5.x: a container created with storage_account_id goes through Resource Manager and
    // its
    // id is the container's ARM id, a valid role scope.
    assertThat(attributes("resource \"azurerm_storage_container\" \"lake\""))
        .containsEntry("storage_account_id", "azurerm_storage_account.lake.id");

    // No Entra ID application: a Databricks-managed service principal, no credential, no role.
    List<String> headers =
        spans().stream().filter(s -> s.parent() == null).map(Span::header).toList();
    assertThat(headers)
        .as("Entra ID objects created")
        .noneMatch(h -> h.matches("^resource\\s+\"azuread_.*"));
    assertThat(attributes("resource \"databricks_service_principal\" \"runner\""))
        .as("a Databricks-managed service principal (no application_id)")
        .doesNotContainKey("application_id")
        .containsKey("display_name");
  }

  @Test
  void noWorkspacePathIsUnderSharedAndTheDashboardHasExplicitPermissions() {
    Matcher shared = Pattern.compile("\"(/Workspace)?/Shared\\b").matcher(allCode());
    List<String> found = new ArrayList<>();
    while (shared.find()) {
      found.add(shared.group());
    }
    assertThat(found).as("paths under /Shared (every user has CAN_MANAGE there)").isEmpty();
    Object path = asMap(variables().get("dashboard_parent_path")).get("default");
    assertThat(path).as("default dashboard folder").isEqualTo("/movie-status");

    Matcher rejected =
        Pattern.compile("!can\\(regex\\(\"([^\"]+)\", var\\.dashboard_parent_path\\)\\)")
            .matcher(blockText("variable \"dashboard_parent_path\""));
    assertThat(rejected.find()).as("the validation rejects a pattern of paths").isTrue();
    Pattern rejects = Pattern.compile(unquote("\"" + rejected.group(1) + "\""));
    Map<String, Boolean> verdicts = new TreeMap<>();
    for (String p :
        List.of(
            "/Shared",
            "/Shared/movie-status",
            "/Workspace/Shared/x",
            "/movie-status",
            "/SharedDocs",
            "/Users/a@b.c/x")) {
      verdicts.put(p, !rejects.matcher(p).find());
    }
    assertThat(verdicts)
        .as("dashboard_parent_path values the validation accepts")
        .isEqualTo(
            Map.of(
                "/Shared", false,
                "/Shared/movie-status", false,
                "/Workspace/Shared/x", false,
                "/movie-status", true,
                "/SharedDocs", true,
                "/Users/a@b.c/x", true));

    assertThat(attributes("resource \"databricks_directory\" \"dashboards\""))
        .containsEntry("path", "var.dashboard_parent_path");
    assertThat(attributes("resource \"databricks_dashboard\" \"movie_status\""))
        .containsEntry("parent_path", "databricks_directory.dashboards.path");
    Map<String, String> levels = new TreeMap<>();
    for (String name : List.of("dashboards_folder", "dashboard", "dashboard_warehouse")) {
      Span permissions = topSpan("resource \"databricks_permissions\" \"" + name + "\"");
      assertThat(permissions.attributes()).as("%s always exists", name).doesNotContainKey("count");
      List<String> entries = new ArrayList<>();
      for (Span child : permissions.children(spans())) {
        Span control =
            child.header().equals("dynamic \"access_control\"")
                ? child.children(spans()).get(0)
                : child;
        entries.add(
            control.attributes().get("group_name")
                + "="
                + control.attributes().get("permission_level"));
      }
      levels.put(name, String.join(", ", entries));
    }
    assertThat(levels)
        .as("explicit permissions: owners manage, analysts read/run/use")
        .isEqualTo(
            Map.of(
                "dashboards_folder",
                    "var.owners_group=\"CAN_MANAGE\", access_control.value=\"CAN_READ\"",
                "dashboard", "var.owners_group=\"CAN_MANAGE\", access_control.value=\"CAN_RUN\"",
                "dashboard_warehouse",
                    "var.owners_group=\"CAN_MANAGE\", access_control.value=\"CAN_USE\""));
    assertThat(allCode())
        .containsPattern("\\bdirectory_path\\s*=\\s*databricks_directory\\.dashboards\\.path\\b")
        .containsPattern("\\bdashboard_id\\s*=\\s*databricks_dashboard\\.movie_status\\.id\\b");
  }

  @Test
  void firstApplyWaitsForRolePropagationAndTheIpRulesValidationMatchesAzurerm() throws IOException {
    Map<String, String> sleep = attributes("resource \"time_sleep\" \"rbac_propagation\"");
    assertThat(sleep).containsEntry("create_duration", "\"${var.rbac_propagation_seconds}s\"");
    Span triggers =
        topSpan("resource \"time_sleep\" \"rbac_propagation\"").children(spans()).stream()
            .filter(s -> s.header().equals("triggers ="))
            .findFirst()
            .orElseThrow();
    Set<String> waitedFor = new TreeSet<>();
    Matcher assignment =
        Pattern.compile("azurerm_role_assignment\\.(\\w+)\\.id").matcher(triggers.text());
    while (assignment.find()) {
      waitedFor.add(assignment.group(1));
    }
    Set<String> assignments = new TreeSet<>();
    for (Span span : spans()) {
      Matcher m =
          Pattern.compile("^resource\\s+\"azurerm_role_assignment\"\\s+\"([^\"]+)\"$")
              .matcher(span.header());
      if (m.matches()) {
        assignments.add(m.group(1));
      }
    }
    assertThat(waitedFor).as("the wait covers every role assignment").isEqualTo(assignments);
    assertThat(
            ((Number) asMap(variables().get("rbac_propagation_seconds")).get("default")).intValue())
        .as("bounded wait, seconds")
        .isEqualTo(120);
    Map<String, String> waiting = new TreeMap<>();
    for (String header :
        List.of(
            "resource \"databricks_storage_credential\" \"lake\"",
            "resource \"azurerm_storage_data_lake_gen2_path\" \"lake_root\"",
            "resource \"azurerm_storage_data_lake_gen2_path\" \"landing\"",
            "resource \"azurerm_key_vault_secret\" \"tmdb_api_token\"",
            "resource \"azurerm_key_vault_secret\" \"ratings_hmac_key\"",
            "resource \"databricks_secret_scope\" \"this\"")) {
      waiting.put(header, attributes(header).get("depends_on"));
    }
    assertThat(waiting)
        .as(
            "what uses a role waits for its propagation (the external locations through the credential)")
        .allSatisfy((h, d) -> assertThat(d).as(h).isEqualTo("[time_sleep.rbac_propagation]"));
    assertThat(attributes("resource \"databricks_external_location\" \"lake\""))
        .containsEntry("credential_name", "databricks_storage_credential.lake.name");

    // ip_rules: azurerm 5.x's own test cases for storage account IP rules
    // (internal/services/storage/validate/storage_account_ip_rule_test.go), plus /31 and a plain
    // address.
    Matcher regexes =
        Pattern.compile(
                "can\\(regex\\(\"((?:[^\"\\\\]|\\\\.)+)\", ip\\)\\) && !can\\(regex\\(\"((?:[^\"\\\\]|\\\\.)+)\", ip\\)\\)")
            .matcher(blockText("variable \"lake_allowed_ip_ranges\"").replaceAll("\\s+", " "));
    assertThat(regexes.find())
        .as("lake_allowed_ip_ranges validation: allowed && !private")
        .isTrue();
    Pattern allowed = Pattern.compile(unquote("\"" + regexes.group(1) + "\""));
    Pattern privateRange = Pattern.compile(unquote("\"" + regexes.group(2) + "\""));
    Map<String, Boolean> accepted = new TreeMap<>();
    for (String ip :
        List.of(
            "",
            "0.0.0.0",
            "23.45.0.1/30",
            "23.45.0.1/32",
            "23.45.0.0/31",
            "10.0.0.0/29",
            "172.16.0.0/29",
            "192.168.0.0/29",
            "1.2.3.4",
            "172.32.0.0/16")) {
      // RE2 (Terraform's regex) and java.util.regex agree on these patterns; find() as regex()
      // does.
      accepted.put(ip, allowed.matcher(ip).find() && !privateRange.matcher(ip).find());
    }
    assertThat(accepted)
        .as("lake_allowed_ip_ranges entries the validation accepts")
        .isEqualTo(
            Map.of(
                "", false,
                "0.0.0.0", true,
                "23.45.0.1/30", true,
                "23.45.0.1/32", false,
                "23.45.0.0/31", false,
                "10.0.0.0/29", false,
                "172.16.0.0/29", false,
                "192.168.0.0/29", false,
                "1.2.3.4", true,
                "172.32.0.0/16", true));

    // force_destroy per environment, false by default and in prod.
    assertThat(attributes("resource \"databricks_catalog\" \"lake\""))
        .containsEntry("force_destroy", "var.uc_force_destroy");
    assertThat(attributes("resource \"databricks_schema\" \"movies\""))
        .containsEntry("force_destroy", "var.uc_force_destroy");
    assertThat(asMap(variables().get("uc_force_destroy")).get("default")).isEqualTo(false);
    Map<String, String> perEnvironment = new TreeMap<>();
    for (String env : List.of("dev", "prod")) {
      Matcher m =
          Pattern.compile("(?m)^\\s*uc_force_destroy\\s*=\\s*(\\w+)")
              .matcher(mask(terraformFile("vars/" + env + ".tfvars"), false));
      perEnvironment.put(env, m.find() ? m.group(1) : "<unset>");
    }
    assertThat(perEnvironment).isEqualTo(Map.of("dev", "true", "prod", "false"));

    // Resource providers: job clusters need Compute and Network too.
    Matcher registered =
        Pattern.compile("\\bresource_providers_to_register\\s*=\\s*\\[([^\\]]*)]")
            .matcher(allCode());
    assertThat(registered.find()).isTrue();
    assertThat(registered.group(1).replaceAll("[\"\\s]", "").split(","))
        .as("resource providers registered")
        .containsExactlyInAnyOrder(
            "Microsoft.Compute",
            "Microsoft.Databricks",
            "Microsoft.KeyVault",
            "Microsoft.Network",
            "Microsoft.Storage");
  }

  @Test
  void aReportTaskAfterGoldWritesTheHtmlReportIntoTheReportsVolume() throws IOException {
    List<JobTask> reports =
        jobTasks().stream()
            .filter(t -> t.span().text().contains("\"io.moviestatus.jobs.ReportJob\""))
            .toList();
    assertThat(reports).as("tasks running ReportJob").hasSize(1);
    JobTask report = reports.get(0);
    assertThat(report.toString()).isEqualTo("databricks_job.pipeline task report");
    assertThat(
            report.span().children(spans()).stream()
                .filter(s -> s.header().equals("depends_on"))
                .map(s -> s.attributes().get("task_key"))
                .toList())
        .as("the report task runs after gold")
        .containsExactly("\"gold\"");

    JarTask task =
        jarTasks().stream()
            .filter(t -> t.mainClass().equals("io.moviestatus.jobs.ReportJob"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> bindings = new LinkedHashMap<>();
    bindings.put("local.lake_root_uri", "abfss://lake@acct.dfs.core.windows.net/movie-status");
    bindings.put("databricks_catalog.lake.name", "moviestatus_dev");
    bindings.put("databricks_schema.movies.name", "movies");
    bindings.put("local.reports_dir", "/Volumes/moviestatus_dev/movies/reports");
    assertThat(TerraformExpression.evaluateList(task.parameters(), bindings))
        .as("ReportJob's command line")
        .containsExactly(
            "--lake", "abfss://lake@acct.dfs.core.windows.net/movie-status",
            "--catalog", "moviestatus_dev",
            "--schema", "movies",
            "--out",
                "dbfs:/Volumes/moviestatus_dev/movies/reports/{{job.start_time.iso_date}}.html");
    assertThat(LakeOption.absolute("dbfs:/Volumes/c/s/reports/2026-08-24.html"))
        .as("ReportJob keeps a URI --out as given")
        .isEqualTo("dbfs:/Volumes/c/s/reports/2026-08-24.html");
    assertThat(allCode())
        .as("local.reports_dir is the reports volume")
        .containsPattern(
            "\\breports_dir\\s*=\\s*\"/Volumes/\\$\\{databricks_catalog\\.lake\\.name}/\\$\\{databricks_schema\\.movies\\.name}/\\$\\{databricks_volume\\.reports\\.name}\"");
    assertThat(attributes("resource \"databricks_volume\" \"reports\""))
        .containsEntry("name", "\"reports\"")
        .containsEntry("volume_type", "\"MANAGED\"");
    List<String> grants = new ArrayList<>();
    for (Span grant : topSpan("resource \"databricks_grants\" \"reports\"").children(spans())) {
      Span g = grant.header().equals("dynamic \"grant\"") ? grant.children(spans()).get(0) : grant;
      grants.add(g.attributes().get("principal") + " " + g.attributes().get("privileges"));
    }
    assertThat(grants)
        .as("the job principal writes the reports, analysts read them")
        .containsExactly(
            "local.runner_id [\"READ_VOLUME\", \"WRITE_VOLUME\"]", "grant.value [\"READ_VOLUME\"]");
    assertThat(terraformFile("README.md"))
        .as("the README says where analysts find the report")
        .contains("Volumes → `reports`")
        .contains("/Volumes/<catalog>/<schema>/reports/<run date>.html");
  }

  /** The text of one attribute of the top-level {@code locals} blocks, up to its closing brace. */
  private static String localsText(String name) {
    for (Span span : spans()) {
      if (span.parent() != null
          && span.parent().parent() == null
          && span.parent().header().equals("locals")
          && span.header().equals(name + " =")) {
        return span.text();
      }
    }
    throw new AssertionError("no local " + name + " = { ... } in terraform/*.tf");
  }

  @Test
  void dashboardDatasetsAreTheTestedQueryFilesOverContractTablesAndColumns() {
    Map<String, String> queries = DashboardFiles.queries();
    Map<String, Set<String>> widgets = DashboardFiles.widgetFields();
    assertThat(queries).as("terraform/dashboards/queries/*.sql").isNotEmpty();
    assertThat(widgets.keySet())
        .as(
            "datasets the widgets read = the query files (each one run on the demo lake by DemoTest)")
        .containsExactlyInAnyOrderElementsOf(queries.keySet());
    Pattern table =
        Pattern.compile(
            "\\$\\{catalog\\}\\.\\$\\{schema\\}\\.([a-z_]+)(?:\\s+(?!ON\\b|USING\\b|WHERE\\b|GROUP\\b|ORDER\\b|JOIN\\b)([a-z_]+))?",
            Pattern.CASE_INSENSITIVE);
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, String> query : queries.entrySet()) {
      String sql = query.getValue().replaceAll("--[^\\n]*", "");
      Map<String, io.moviestatus.model.TableContract> aliases = new TreeMap<>();
      Matcher m = table.matcher(sql);
      while (m.find()) {
        try {
          io.moviestatus.model.TableContract contract =
              io.moviestatus.model.Tables.byName(m.group(1));
          aliases.put(m.group(1), contract);
          if (m.group(2) != null) {
            aliases.put(m.group(2), contract);
          }
        } catch (java.util.NoSuchElementException e) {
          violations.add(query.getKey() + ": no contract for table " + m.group(1));
        }
      }
      if (aliases.isEmpty()) {
        violations.add(query.getKey() + ": reads no ${catalog}.${schema}.<table>");
      }
      Matcher column = Pattern.compile("\\b([a-z_]+)\\.([a-z_]+)\\b").matcher(sql);
      while (column.find()) {
        io.moviestatus.model.TableContract contract = aliases.get(column.group(1));
        if (contract != null && !contract.columnNames().contains(column.group(2))) {
          violations.add(
              query.getKey() + ": " + column.group() + " is not a column of " + contract.name());
        }
      }
      if (sql.replaceAll("\\$\\{(catalog|schema)\\}", "").contains("${")) {
        violations.add(query.getKey() + ": placeholders other than ${catalog} and ${schema}");
      }
    }
    assertThat(violations)
        .as(
            "dashboard queries that do not match the contracts:%n  %s",
            String.join("\n  ", violations))
        .isEmpty();
  }

  private static List<Span> spans;

  /**
   * Every block of every file, outer before inner; read once, so that blocks compare by identity
   * ({@link Span#parent()}).
   */
  private static synchronized List<Span> spans() {
    if (spans == null) {
      spans = files.stream().flatMap(f -> TerraformHcl.spans(f).stream()).toList();
    }
    return spans;
  }

  /** The one top-level block with this header, as a {@link Span}. */
  private static Span topSpan(String header) {
    List<Span> found =
        spans().stream().filter(s -> s.parent() == null && s.header().equals(header)).toList();
    assertThat(found).as("top-level blocks %s in terraform/*.tf", header).hasSize(1);
    return found.get(0);
  }

  /** The attributes of the one top-level block with this header. */
  private static Map<String, String> attributes(String header) {
    return topSpan(header).attributes();
  }

  /** A task of a databricks_job: the job's resource name, its task_key and its block. */
  private record JobTask(String job, String key, Span span) {
    @Override
    public String toString() {
      return "databricks_job." + job + " task " + key;
    }
  }

  private static final Pattern JOB_HEADER =
      Pattern.compile("^resource\\s+\"databricks_job\"\\s+\"([^\"]+)\"$");

  /** Every task block ({@code task}, or a {@code dynamic "task"}'s content) of every job. */
  private static List<JobTask> jobTasks() {
    List<JobTask> tasks = new ArrayList<>();
    for (Span span : spans()) {
      boolean task =
          span.header().equals("task")
              || (span.header().equals("content")
                  && span.parent() != null
                  && span.parent().header().equals("dynamic \"task\""));
      if (!task) {
        continue;
      }
      for (Span outer : span.selfAndAncestors()) {
        Matcher job = JOB_HEADER.matcher(outer.header());
        if (job.matches()) {
          String key = span.attributes().getOrDefault("task_key", "<no task_key>");
          tasks.add(new JobTask(job.group(1), key.replace("\"", ""), span));
        }
      }
    }
    return tasks;
  }

  /** The task a block is written in, or null. */
  private static JobTask taskOf(Span span, List<JobTask> tasks) {
    for (Span outer : span.selfAndAncestors()) {
      for (JobTask task : tasks) {
        if (task.span() == outer) {
          return task;
        }
      }
    }
    return null;
  }

  /** The innermost block of {@code file} containing {@code offset}. */
  private static Span innermost(String file, int offset) {
    Span found = null;
    for (Span span : spans()) {
      if (span.file().equals(file) && span.open() < offset && offset < span.close()) {
        found = span; // outer before inner: the last one containing it is the innermost
      }
    }
    assertThat(found).as("a block of %s around offset %d", file, offset).isNotNull();
    return found;
  }

  /** A quoted HCL string literal, unescaped ({@code \\\\} and {@code \\"}). */
  private static String unquote(String literal) {
    assertThat(literal).as("a quoted HCL string").startsWith("\"").endsWith("\"");
    return literal.substring(1, literal.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** The text of a file below terraform/ (vars, README). */
  private static String terraformFile(String relative) throws IOException {
    return Files.readString(Build.root().resolve("terraform").resolve(relative));
  }

  /** Every file's code with comments blanked. */
  private static String allCode() {
    return files.stream().map(f -> mask(f.text(), false)).collect(Collectors.joining("\n"));
  }

  /** The text (comments blanked) of the one top-level block with this header. */
  private static String blockText(String header) {
    List<String> found = new ArrayList<>();
    for (TfFile file : files) {
      for (Block block : topLevelBlocks(file.text())) {
        if (block.header().equals(header)) {
          found.add(mask(block.text(), false));
        }
      }
    }
    assertThat(found).as("top-level blocks %s in terraform/*.tf", header).hasSize(1);
    return found.get(0);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the HCL
  // ---------------------------------------------------------------------------------------------

  /** The declared variables: name → block attributes. */
  private static Map<String, Object> variables() {
    return TerraformHcl.variables(files);
  }

  /** Every spark_jar_task block in the raw text, with its main class and literal flags. */
  private static List<JarTask> jarTasks() {
    return TerraformHcl.jarTasks(files);
  }

  @SuppressWarnings("unchecked")
  private static void collectMainClasses(Object node, Set<String> into) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("spark_jar_task".equals(e.getKey())) {
          for (Object task : e.getValue() instanceof List<?> list ? list : List.of(e.getValue())) {
            Object main = task instanceof Map<?, ?> t ? t.get("main_class_name") : null;
            into.add(main instanceof String s ? s : "<no literal main_class_name>");
          }
        } else {
          collectMainClasses(e.getValue(), into);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectMainClasses(item, into));
    }
  }
}
