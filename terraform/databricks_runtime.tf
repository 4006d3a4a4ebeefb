# The Databricks LTS lines the build makes a shaded JAR for, and the JAR the jobs run.
#
# movie-jobs builds one JAR per line; var.spark_version picks the line, and the JAR of that line is
# the library of every task (jobs.tf) unless var.jar_path names another file of the same line. A JAR's
# line is read from its file name (the tag, e.g. dbr17.3), so a runtime paired with the other line's
# JAR fails at plan (the precondition on databricks_file.jar, unity_catalog.tf) instead of with a
# NoSuchMethodError in a running task.
#
# Runtime keys (the Clusters API's spark_versions): 16.4 LTS has a Scala 2.12 and a Scala 2.13 image
# (16.4.x-scala2.12, 16.4.x-scala2.13) and is Spark 3.5; 17.3 LTS is Spark 4.0, Scala 2.13 only
# (17.3.x-scala2.13). Variants such as -photon-, -cpu-ml- or -gpu-ml- carry the same Spark and Scala.
# The 16.4 Scala 2.13 image is not a line: no JAR is built for Spark 3.5 on Scala 2.13.
# https://learn.microsoft.com/azure/databricks/release-notes/runtime/16.4lts
# https://learn.microsoft.com/azure/databricks/release-notes/runtime/17.3lts

locals {
  databricks_lines = [
    {
      tag      = "dbr16.4"
      name     = "Databricks Runtime 16.4 LTS"
      runtime  = "^16\\.4\\.x-([a-z0-9-]+-)?scala2\\.12$"
      spark    = "3.5"
      scala    = "2.12"
      jar_dir  = "../movie-jobs/target"
      jar_file = "movie-status-databricks-dbr16.4.jar"
      build    = "./mvnw -B -DskipTests package"
    },
    {
      tag      = "dbr17.3"
      name     = "Databricks Runtime 17.3 LTS"
      runtime  = "^17\\.3\\.x-([a-z0-9-]+-)?scala2\\.13$"
      spark    = "4.0"
      scala    = "2.13"
      jar_dir  = "../movie-jobs/target/spark-4.0"
      jar_file = "movie-status-databricks-dbr17.3.jar"
      build    = "./mvnw -B -Pspark-4.0 -DskipTests package"
    },
  ]

  # The line of var.spark_version (its validation admits only keys of one line).
  runtime_line = one([for line in local.databricks_lines : line if can(regex(line.runtime, var.spark_version))])

  # The JAR to upload: var.jar_path, or the runtime line's JAR as the build writes it.
  jar_path   = var.jar_path != null ? var.jar_path : "${local.runtime_line.jar_dir}/${local.runtime_line.jar_file}"
  jar_file   = basename(local.jar_path)
  jar_source = startswith(local.jar_path, "/") ? local.jar_path : "${path.module}/${local.jar_path}"
  jar_exists = fileexists(local.jar_source)

  # The line the JAR was built for, from its file name (var.jar_path's validation admits only names
  # carrying exactly one line's tag).
  jar_line = one([for line in local.databricks_lines : line if strcontains(local.jar_file, line.tag)])
}
