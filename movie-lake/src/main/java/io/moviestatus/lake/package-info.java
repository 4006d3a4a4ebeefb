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
 *   <li>{@link io.moviestatus.lake.Prerequisites}: what a stage needs before it runs (a lake, an
 *       earlier stage's table), as {@link io.moviestatus.model.MissingPrerequisiteException}.
 * </ul>
 *
 * <p>{@code io.moviestatus.lake.internal} holds what only the project's own stages use (file
 * listing, side threads, the large-batch session settings): public for movie-transform, with no
 * compatibility promise to other teams.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session();
 * LakeLayout lake = LakeLayout.of("./lake");
 * DeltaTables.registerViews(spark, lake, Tables.all());    // status_fact, movies_dim, ... by name
 * spark.sql("SELECT count(*) FROM status_fact").show();
 * }</pre>
 */
package io.moviestatus.lake;
