package io.moviestatus.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of the lake's tables in a catalog: every contract is {@code <catalog>.<schema>.<table>}
 * (Unity Catalog on Databricks) or {@code <schema>.<table>} in the session's current catalog
 * (locally: {@code spark_catalog}). Together with {@link LakeLayout} it maps name ↔ path.
 *
 * <pre>{@code
 * TableNaming names = TableNaming.of("movie_status_dev", "movies");
 * names.qualifiedName(Tables.STATUS_FACT); // `movie_status_dev`.`movies`.`status_fact`
 * names.resolve("movies.status_fact");     // Tables.STATUS_FACT
 * }</pre>
 */
public record TableNaming(Optional<String> catalog, String schema) {

  /** The schema the tables are registered in when none is given. */
  public static final String DEFAULT_SCHEMA = "movies";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,254}");

  public TableNaming {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(schema, "schema is null");
    catalog.ifPresent(name -> checkIdentifier("catalog", name));
    checkIdentifier("schema", schema);
  }

  /**
   * Tables in {@code schema} of {@code catalog}; a null catalog means the session's current one.
   */
  public static TableNaming of(String catalog, String schema) {
    return new TableNaming(Optional.ofNullable(catalog), schema);
  }

  /** The local default: {@value #DEFAULT_SCHEMA} in the session's current catalog. */
  public static TableNaming local() {
    return of(null, DEFAULT_SCHEMA);
  }

  /** The schema as a SQL identifier: {@code `catalog`.`schema`} or {@code `schema`}. */
  public String schemaIdentifier() {
    return catalog.map(c -> quote(c) + ".").orElse("") + quote(schema);
  }

  /** The table of a contract as a SQL identifier, each part back-quoted. */
  public String qualifiedName(TableContract table) {
    requireNonNull(table, "table is null");
    return schemaIdentifier() + "." + quote(table.name());
  }

  /** The table of a contract as people write it: {@code catalog.schema.table}. */
  public String displayName(TableContract table) {
    requireNonNull(table, "table is null");
    return catalog.map(c -> c + ".").orElse("") + schema + "." + table.name();
  }

  /**
   * The contract a name refers to: {@code table}, {@code schema.table} or {@code
   * catalog.schema.table} (back-quotes allowed); the schema and catalog, when given, must be this
   * naming's.
   */
  public TableContract resolve(String name) {
    requireNonNull(name, "name is null");
    List<String> parts =
        List.of(name.strip().split("\\.", -1)).stream()
            .map(part -> part.strip().replace("`", ""))
            .toList();
    if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("not a table name: '" + name + "'");
    }
    if (parts.size() >= 2 && !parts.get(parts.size() - 2).equals(schema)) {
      throw new IllegalArgumentException(
          "table " + name + " is not in schema " + schema + " of the lake's tables");
    }
    if (parts.size() == 3 && !catalog.map(parts.get(0)::equals).orElse(false)) {
      throw new IllegalArgumentException(
          "table " + name + " is not in catalog " + catalog.orElse("<current>"));
    }
    return Tables.byName(parts.get(parts.size() - 1));
  }

  /** The lake path a name refers to. */
  public String path(LakeLayout lake, String name) {
    requireNonNull(lake, "lake is null");
    return lake.tablePath(resolve(name));
  }

  /** The contract whose table lives at a lake path, if any. */
  public static Optional<TableContract> tableAt(LakeLayout lake, String path) {
    requireNonNull(lake, "lake is null");
    requireNonNull(path, "path is null");
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return Tables.all().stream().filter(t -> lake.tablePath(t).equals(trimmed)).findFirst();
  }

  private static String quote(String identifier) {
    return "`" + identifier + "`";
  }

  private static void checkIdentifier(String what, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " name '"
              + name
              + "' must be letters, digits, underscores and hyphens (not starting with a hyphen)");
    }
  }
}
