package io.moviestatus.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.moviestatus.lake.archfixture.LakeClassThatImportsTheSilverBuild;
import org.junit.jupiter.api.Test;

/**
 * The import rules of {@code docs/architecture.md}, checked on the main code of every module (this
 * module's test classpath holds them all). A rule that fails names the offending class, the class
 * it uses and the line.
 */
class ArchitectureTest {

  /**
   * Which module's packages may use which: dependencies point down docs/architecture.md's picture.
   */
  static final ArchRule MODULES =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("model")
          .definedBy("io.moviestatus.model..")
          .layer("ingest")
          .definedBy("io.moviestatus.ingest..")
          .layer("lake")
          .definedBy("io.moviestatus.lake..")
          .layer("transform")
          .definedBy("io.moviestatus.transform..")
          .layer("recommend")
          .definedBy("io.moviestatus.recommend..")
          .layer("report")
          .definedBy("io.moviestatus.report..")
          .layer("jobs")
          .definedBy("io.moviestatus.jobs..")
          .whereLayer("jobs")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("report")
          .mayOnlyBeAccessedByLayers("jobs")
          .whereLayer("recommend")
          .mayOnlyBeAccessedByLayers("jobs")
          .whereLayer("transform")
          .mayOnlyBeAccessedByLayers("jobs")
          .whereLayer("lake")
          .mayOnlyBeAccessedByLayers("transform", "recommend", "report", "jobs")
          .whereLayer("ingest")
          .mayOnlyBeAccessedByLayers("transform", "report", "jobs")
          .as("modules use only the modules below them (docs/architecture.md)");

  /** The contracts are Spark SQL types only; ingest runs on the Hadoop client API, no Spark. */
  static final ArchRule RUNTIMES =
      CompositeArchRule.of(
              noClasses()
                  .that()
                  .resideInAPackage("io.moviestatus.model..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage(
                      "org.apache.spark.sql", "org.apache.spark.ml..", "io.delta.."))
          .and(
              noClasses()
                  .that()
                  .resideInAPackage("io.moviestatus.ingest..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAnyPackage("org.apache.spark..", "io.delta..", "scala.."))
          .and(
              noClasses()
                  .that()
                  .resideOutsideOfPackages("io.moviestatus.recommend..", "io.moviestatus.jobs..")
                  .and()
                  .resideInAPackage("io.moviestatus..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage("org.apache.spark.ml.."))
          .as("model: Spark SQL types only; ingest: no Spark; MLlib only in recommend");

  /** movie-lake's internal package serves the project's own stages only. */
  static final ArchRule INTERNAL =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.moviestatus.lake..", "io.moviestatus.transform..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.moviestatus.lake.internal..")
          .as("io.moviestatus.lake.internal is used by movie-lake and movie-transform only");

  private static JavaClasses mainCode() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.moviestatus");
  }

  @Test
  void everyModuleUsesOnlyTheModulesBelowIt() {
    JavaClasses classes = mainCode();
    assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
        .as("the main code of every module is imported")
        .contains("model", "ingest", "lake", "transform", "recommend", "report", "jobs");

    MODULES.check(classes);
  }

  @Test
  void modelIngestAndLibrariesKeepTheirRuntimes() {
    RUNTIMES.check(mainCode());
  }

  @Test
  void onlyTheLakeAndTheStagesUseTheLakesInternalPackage() {
    JavaClasses classes = mainCode();
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .as("the internal package is imported")
        .contains("io.moviestatus.lake.internal");

    INTERNAL.check(classes);
  }

  @Test
  void aLakeClassThatUsesTheSilverPipelineBreaksTheRule() {
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(
                LakeClassThatImportsTheSilverBuild.class,
                io.moviestatus.transform.silver.SilverBuild.class);

    assertThatThrownBy(() -> MODULES.check(fixture))
        .as("the rule names the forbidden use")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LakeClassThatImportsTheSilverBuild")
        .hasMessageContaining("io.moviestatus.transform.silver.SilverBuild");
  }
}
