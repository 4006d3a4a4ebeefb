package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Spark line check of the runners: major.minor of Spark and Scala must match the build's. */
class SparkLineTest {

  private static final SparkLine DBR_16_4 = new SparkLine("3.5.9", "2.12", "3.3.3", "16.4");
  private static final SparkLine DBR_17_3 = new SparkLine("4.0.0", "2.13", "4.0.0", "17.3");

  @Test
  void aSpark35JarOnSpark40FailsNamingBothLines() {
    assertThat(DBR_16_4.mismatch("4.0.0", "2.13.16"))
        .as("the one-line error")
        .contains(
            "this build is for Spark 3.5 / Scala 2.12 (Databricks Runtime 16.4 LTS) but runs on"
                + " Spark 4.0.0 / Scala 2.13.16");
  }

  @Test
  void aSpark40JarOnSpark35FailsNamingBothLines() {
    assertThat(DBR_17_3.mismatch("3.5.2", "2.12.18"))
        .as("the one-line error")
        .contains(
            "this build is for Spark 4.0 / Scala 2.13 (Databricks Runtime 17.3 LTS) but runs on"
                + " Spark 3.5.2 / Scala 2.12.18");
  }

  @Test
  void anotherPatchReleaseOfTheSameLineRuns() {
    assertThat(DBR_16_4.mismatch("3.5.2", "2.12.18")).as("Spark 3.5.2 (DBR 16.4)").isEmpty();
    assertThat(DBR_17_3.mismatch("4.0.1", "2.13.16")).as("Spark 4.0.1").isEmpty();
  }

  @Test
  void theSameSparkOnAnotherScalaFails() {
    assertThat(DBR_16_4.mismatch("3.5.9", "2.13.8"))
        .as("DBR 16.4's Scala 2.13 image")
        .contains(
            "this build is for Spark 3.5 / Scala 2.12 (Databricks Runtime 16.4 LTS) but runs on"
                + " Spark 3.5.9 / Scala 2.13.8");
  }

  @Test
  void vendorSuffixesAreIgnoredAndUnparsableVersionsMismatch() {
    assertThat(SparkLine.majorMinor("4.0.0-databricks")).isEqualTo("4.0");
    assertThat(SparkLine.majorMinor("3.5")).isEqualTo("3.5");
    assertThat(DBR_17_3.mismatch("unknown", "2.13.16")).as("an unknown Spark version").isPresent();
  }

  @Test
  void theBuildsLineIsTheLineOfTheTestClasspath() {
    SparkLine built = SparkLine.built();
    assertThat(built.runtime()).as("Databricks Runtime of the build").isIn("16.4", "17.3");
    assertThat(built.mismatchWithRuntime())
        .as("the build's line (%s) against the Spark and Scala of the test JVM", built)
        .isEmpty();
  }
}
