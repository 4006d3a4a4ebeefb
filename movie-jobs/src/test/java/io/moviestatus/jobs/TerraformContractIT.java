package io.moviestatus.jobs;

import static io.moviestatus.jobs.TerraformHcl.SPARK_JAR_TASK;
import static io.moviestatus.jobs.TerraformHcl.VAR_REFERENCE;
import static io.moviestatus.jobs.TerraformHcl.asMap;
import static io.moviestatus.jobs.TerraformHcl.mask;
import static io.moviestatus.jobs.TerraformHcl.topLevelBlocks;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.jobs.ShadedJarIT.Build;
import io.moviestatus.jobs.TerraformHcl.Block;
import io.moviestatus.jobs.TerraformHcl.JarTask;
import io.moviestatus.jobs.TerraformHcl.TfFile;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * shaded JAR with a {@code main}, the uploaded JAR is the built artifact, every {@code var.X} is
 * declared, and every flag a task passes is an option of its runner.
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

  @Test
  void uploadedJarPathIsTheBuiltArtifact() throws IOException {
    Map<String, Object> jarPath = asMap(variables().get("jar_path"));
    assertThat(jarPath).as("variable \"jar_path\" in terraform/variables.tf").isNotNull();
    Object defaultValue = jarPath.get("default");
    assertThat(defaultValue).as("default of variable jar_path").isInstanceOf(String.class);

    Path terraform = Build.root().resolve("terraform");
    Path artifact = Build.shadedJar().toAbsolutePath().normalize();
    List<String> violations = new ArrayList<>();
    Path resolved = terraform.resolve((String) defaultValue).toAbsolutePath().normalize();
    if (!resolved.equals(artifact)) {
      violations.add(
          "jar_path default \""
              + defaultValue
              + "\" resolves from terraform/ to "
              + Build.root().relativize(resolved)
              + ", not the built "
              + Build.root().relativize(artifact));
    }
    // An example tfvars file must not point the upload somewhere else.
    Path vars = terraform.resolve("vars");
    if (Files.isDirectory(vars)) {
      try (Stream<Path> list = Files.list(vars)) {
        for (Path tfvars : list.filter(p -> p.toString().endsWith(".tfvars")).sorted().toList()) {
          Matcher m =
              Pattern.compile("(?m)^\\s*jar_path\\s*=\\s*\"([^\"]*)\"")
                  .matcher(mask(Files.readString(tfvars), false));
          while (m.find()) {
            Path override = terraform.resolve(m.group(1)).toAbsolutePath().normalize();
            if (!override.equals(artifact)) {
              violations.add(
                  terraform.relativize(tfvars)
                      + " sets jar_path = \""
                      + m.group(1)
                      + "\", which is not the built artifact");
            }
          }
        }
      }
    }
    assertThat(violations)
        .as("JAR path the Terraform uploads:%n  %s", String.join("\n  ", violations))
        .isEmpty();
    assertThat(resolved).as("the built artifact").isRegularFile();
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
            "azuread_application_password|azuread_service_principal_password|var\\.tmdb_api_token|databricks_secret\\.|random_password\\.|client_secret");
    List<String> violations = new ArrayList<>();
    for (TfFile file : files) {
      for (Block block : topLevelBlocks(file.text())) {
        if (!block.header().startsWith("output ")) {
          continue;
        }
        String code = mask(block.text(), false);
        if (secretSource.matcher(code).find()) {
          violations.add(file.name() + ":" + file.lineOf(block.offset()) + " " + block.header());
        }
        if (code.contains("local.ratings_hmac_key")
            && !code.matches("(?s).*\\bsensitive\\s*=\\s*true\\b.*")) {
          violations.add(block.header() + " exposes the ratings key without sensitive = true");
        }
      }
    }
    assertThat(violations)
        .as("outputs exposing credentials:%n  %s", String.join("\n  ", violations))
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
