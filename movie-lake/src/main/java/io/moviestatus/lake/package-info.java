/**
 * Shared lake I/O, deliberately public: the silver, ratings, gold and recommender stages (and other
 * teams' jobs) read and write the lake only through these classes. All Delta I/O of the project
 * goes through {@link io.moviestatus.lake.DeltaTables} (create from contract, replaceWhere, change
 * counts) and {@link io.moviestatus.lake.LakeWriter} (idempotent MERGE / replace per table);
 * transforms elsewhere are pure {@code Dataset<Row> -> Dataset<Row>} functions.
 *
 * <p>Public API:
 *
 * <ul>
 *   <li>{@link io.moviestatus.lake.LocalSpark}: the local session (Delta enabled, UI off);
 *   <li>{@link io.moviestatus.lake.DeltaTables}: create/open a contract's table, views by name,
 *       replaceWhere, SQL IN-lists, the last commit's {@link io.moviestatus.lake.TableChange};
 *   <li>{@link io.moviestatus.lake.LakeWriter}: one idempotent commit per table write;
 *   <li>{@link io.moviestatus.lake.LakeState}: the quarantine;
 *   <li>{@link io.moviestatus.lake.ProcessedFiles}: the processed-files log (which listed files are
 *       not built yet; the rows that log a build's files, written last);
 *   <li>{@link io.moviestatus.lake.LakeFiles}: dated-file listing and one-pass line reads through
 *       the Hadoop FileSystem API;
 *   <li>{@link io.moviestatus.lake.Prerequisites}: what a stage needs before it runs (a lake, an
 *       earlier stage's table), as {@link io.moviestatus.model.MissingPrerequisiteException}.
 * </ul>
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session();
 * LakeLayout lake = LakeLayout.of("./lake");
 * DeltaTables.registerViews(spark, lake, Tables.all());    // status_fact, movies_dim, ... by name
 * spark.sql("SELECT count(*) FROM status_fact").show();
 * }</pre>
 */
package io.moviestatus.lake;
