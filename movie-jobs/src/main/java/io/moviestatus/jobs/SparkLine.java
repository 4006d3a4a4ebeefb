package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark line a build is for (Spark, Scala and Delta versions, Databricks Runtime LTS), read
 * from the {@code spark-line.properties} the build writes, and the check that a runner runs on it:
 * a JAR of the Spark 3.5 / Scala 2.12 line on a Spark 4.0 / Scala 2.13 runtime fails at start in
 * one line instead of with a {@code NoSuchMethodError} deep in a stage.
 */
record SparkLine(String sparkVersion, String scalaVersion, String deltaVersion, String runtime) {

  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

  SparkLine {
    requireNonNull(sparkVersion, "sparkVersion is null");
    requireNonNull(scalaVersion, "scalaVersion is null");
    requireNonNull(deltaVersion, "deltaVersion is null");
    requireNonNull(runtime, "runtime is null");
  }

  /** The line of this build. */
  static SparkLine built() {
    Properties line = new Properties();
    try (InputStream in = SparkLine.class.getResourceAsStream("spark-line.properties")) {
      if (in == null) {
        throw new IllegalStateException("spark-line.properties is missing from the build");
      }
      line.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spark-line.properties", e);
    }
    return new SparkLine(
        line.getProperty("spark.version"),
        line.getProperty("scala.binary.version"),
        line.getProperty("delta.version"),
        line.getProperty("databricks.runtime"));
  }

  /**
   * Why this build cannot run on the given runtime versions, in one line; empty when the Spark and
   * Scala versions have this line's major.minor.
   */
  Optional<String> mismatch(String runningSpark, String runningScala) {
    if (majorMinor(sparkVersion).equals(majorMinor(runningSpark))
        && majorMinor(scalaVersion).equals(majorMinor(runningScala))) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "this build is for Spark %s / Scala %s (Databricks Runtime %s LTS) but runs on Spark %s"
                + " / Scala %s",
            majorMinor(sparkVersion),
            majorMinor(scalaVersion),
            runtime,
            runningSpark,
            runningScala));
  }

  /** {@link #mismatch} against the Spark and Scala of this JVM's classpath. */
  Optional<String> mismatchWithRuntime() {
    return mismatch(runningSparkVersion(), scala.util.Properties.versionNumberString());
  }

  /** {@code "3.5"} of {@code "3.5.9"}; the version itself when it has no major.minor. */
  static String majorMinor(String version) {
    Matcher m = MAJOR_MINOR.matcher(requireNonNull(version, "version is null").strip());
    return m.matches() ? m.group(1) + "." + m.group(2) : version;
  }

  /** {@code org.apache.spark.SPARK_VERSION} (a Scala package object, not nameable from Java). */
  private static String runningSparkVersion() {
    try {
      Class<?> spark = Class.forName("org.apache.spark.package$");
      Object module = spark.getField("MODULE$").get(null);
      return (String) spark.getMethod("SPARK_VERSION").invoke(module);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the version of Spark on the classpath", e);
    }
  }
}
