package io.moviestatus.jobs;

import io.moviestatus.lake.TableRegistry;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableNaming;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --catalog}/{@code --schema} options every job shares: after its run, a job registers
 * the lake's tables by name as {@code <catalog>.<schema>.<table>} (Unity Catalog on Databricks).
 * Without either option nothing is registered.
 */
final class CatalogOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private String catalog;
  private String schema;

  @Option(
      names = "--catalog",
      paramLabel = "NAME",
      description =
          "Register the lake's tables in this catalog (Unity Catalog on Databricks; default: the session's current catalog).")
  void catalog(String value) {
    catalog = checked("--catalog", value, value, TableNaming.DEFAULT_SCHEMA);
  }

  @Option(
      names = "--schema",
      paramLabel = "NAME",
      description =
          "Register the lake's tables in this schema, as <catalog>.<schema>.<table> (default with --catalog: "
              + TableNaming.DEFAULT_SCHEMA
              + ").")
  void schema(String value) {
    schema = checked("--schema", value, null, value);
  }

  /** The naming the options ask for, or null when neither was given. */
  TableNaming naming() {
    if (catalog == null && schema == null) {
      return null;
    }
    return TableNaming.of(catalog, schema == null ? TableNaming.DEFAULT_SCHEMA : schema);
  }

  /**
   * Registers the lake's existing tables by name when {@code --catalog} or {@code --schema} was
   * given, printing the names registered now; returns them.
   */
  List<String> register(LakeLayout lake) {
    TableNaming naming = naming();
    if (naming == null) {
      return List.of();
    }
    List<String> created = TableRegistry.register(Jobs.spark(), lake, naming);
    if (!created.isEmpty()) {
      System.out.println("registered " + String.join(", ", created));
    }
    return created;
  }

  private String checked(String option, String value, String catalogName, String schemaName) {
    try {
      TableNaming.of(catalogName, schemaName);
      return value;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), option + ": " + e.getMessage());
    }
  }
}
