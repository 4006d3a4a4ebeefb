/**
 * Table contracts and lake layout: the one definition of every table and path, from which DDL,
 * readers, validators and the table reference ({@code docs/tables.md}) derive. No Spark runtime
 * needed (only Spark's SQL type classes).
 *
 * <p>Public API:
 *
 * <ul>
 *   <li>{@link io.moviestatus.model.Tables}: every table's {@link
 *       io.moviestatus.model.TableContract} (name, layer, schema with NOT NULL and comments, keys,
 *       generated columns, partitioning);
 *   <li>{@link io.moviestatus.model.LakeLayout}: where each table and bronze folder lives below a
 *       lake root (local folder, {@code abfss://}, {@code dbfs:/});
 *   <li>{@link io.moviestatus.model.BronzeContract}: the raw envelope and response schemas and the
 *       bronze file naming;
 *   <li>{@link io.moviestatus.model.TableReference}: the Markdown table reference in {@code
 *       docs/tables.md};
 *   <li>the typed failures the job runners map to exit codes: {@link
 *       io.moviestatus.model.BadInputException} and {@link
 *       io.moviestatus.model.MissingPrerequisiteException}.
 * </ul>
 *
 * <pre>{@code
 * LakeLayout lake = LakeLayout.of("abfss://lake@account.dfs.core.windows.net/movie-status");
 * String path = lake.tablePath(Tables.STATUS_FACT);       // .../silver/status_fact
 * StructType schema = Tables.STATUS_FACT.schema();         // NOT NULL and comments included
 * }</pre>
 */
package io.moviestatus.model;
