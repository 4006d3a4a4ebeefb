package io.moviestatus.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The dashboard as Terraform deploys it: {@code terraform/dashboards/queries/<dataset>.sql} (with
 * {@code ${catalog}.${schema}} placeholders) and the widgets of {@code movie-status.lvdash.json}.
 */
final class DashboardFiles {

  private DashboardFiles() {}

  static Path dir() {
    return ShadedJarIT.Build.root().resolve("terraform/dashboards");
  }

  /** Dataset name → query template, sorted by name. */
  static Map<String, String> queries() {
    Map<String, String> queries = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir().resolve("queries"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        String name = file.getFileName().toString();
        queries.put(
            name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries;
  }

  /** Dataset name → the field names its widgets read, from the layout. */
  static Map<String, Set<String>> widgetFields() {
    Map<String, Set<String>> fields = new TreeMap<>();
    try {
      JsonNode layout =
          new ObjectMapper().readTree(dir().resolve("movie-status.lvdash.json").toFile());
      for (JsonNode page : layout.path("pages")) {
        for (JsonNode item : page.path("layout")) {
          for (JsonNode query : item.path("widget").path("queries")) {
            Set<String> names =
                fields.computeIfAbsent(
                    query.path("query").path("datasetName").asText(), k -> new LinkedHashSet<>());
            for (JsonNode field : query.path("query").path("fields")) {
              names.add(field.path("name").asText());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  /** The query with the placeholders Terraform fills, for the given catalog and schema. */
  static String render(String template, String catalog, String schema) {
    return template.replace("${catalog}", catalog).replace("${schema}", schema);
  }
}
