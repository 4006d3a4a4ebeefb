package io.moviestatus.report;

import static io.moviestatus.report.Html.number;
import static io.moviestatus.report.ReportPage.section;

import io.moviestatus.report.BaselineChart.Comparison;
import io.moviestatus.report.ReportData.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The recommender section: every model version's metrics next to both baselines, read from {@code
 * recommender_metrics} as found. A metric is a numeric column with a baseline twin: {@code
 * baseline_<name>} (or {@code <name>_baseline}) is the bias baseline, {@code popular_<name>} (or
 * {@code <name>_popular}) most popular. No metric name is hard-coded: a new metric column with
 * either twin shows up by itself.
 */
final class RecommenderSection {

  private static final List<String> BIAS_TWINS = List.of("baseline_%s", "%s_baseline");
  private static final List<String> POPULAR_TWINS = List.of("popular_%s", "%s_popular");

  private RecommenderSection() {}

  /** A metric column and the indexes of its twins (-1: none). */
  private record Metric(int model, int bias, int popular) {}

  static String render(ReportData data) {
    String title = "Recommender: each model version against the bias baseline and most popular";
    Metrics metrics = data.recommender();
    List<String> columns = metrics.columns();
    int label = metrics.types().indexOf("string");
    List<Comparison> comparisons = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Metric metric : metricColumns(metrics)) {
      for (int r = metrics.rows().size() - 1; r >= 0; r--) { // oldest first, left to right
        List<Object> row = metrics.rows().get(r);
        String group = label >= 0 ? String.valueOf(row.get(label)) : "row " + (r + 1);
        String name = columns.get(metric.model());
        Double model = value(row, metric.model());
        Double bias = value(row, metric.bias());
        Double popular = value(row, metric.popular());
        comparisons.add(new Comparison(group, name, model, bias, popular));
        rows.add(
            List.of(
                group,
                name,
                number(model, 4),
                number(bias, 4),
                number(popular, 4),
                difference(model, bias),
                difference(model, popular)));
      }
    }
    String groupTitle = label >= 0 ? columns.get(label) : "model (row)";
    String note =
        columns.isEmpty()
            ? "recommender_metrics does not exist yet: run recommend."
            : metrics.rows().size()
                + " model version(s), newest first in the table below (at most "
                + ReportQueries.MODEL_VERSIONS
                + "). Each metric of the model (ranking model for @10 metrics, rating model for"
                + " RMSE) is drawn next to the same metric of the bias baseline (baseline_…) and"
                + " of most popular (popular_…) on the same test split; a missing bar is a"
                + " baseline not evaluated for that metric. Lower is better for errors (RMSE),"
                + " higher for the others. Every column of recommender_metrics is listed as found.";
    return section(
        "recommender",
        title,
        note,
        BaselineChart.panels("Model vs baselines", comparisons, groupTitle) + allColumns(metrics),
        Html.table(
            title,
            List.of(
                groupTitle,
                "metric",
                BaselineChart.MODEL,
                BaselineChart.BIAS,
                BaselineChart.POPULAR,
                "model − bias baseline",
                "model − most popular"),
            rows));
  }

  /** Numeric columns with at least one numeric baseline twin, in table order. */
  private static List<Metric> metricColumns(Metrics metrics) {
    List<Metric> found = new ArrayList<>();
    for (int i = 0; i < metrics.columns().size(); i++) {
      String name = metrics.columns().get(i);
      if (!numeric(metrics.types().get(i)) || isTwin(name)) {
        continue;
      }
      int bias = twin(metrics, name, BIAS_TWINS);
      int popular = twin(metrics, name, POPULAR_TWINS);
      if (bias >= 0 || popular >= 0) {
        found.add(new Metric(i, bias, popular));
      }
    }
    return found;
  }

  private static boolean isTwin(String name) {
    return name.startsWith("baseline_")
        || name.endsWith("_baseline")
        || name.startsWith("popular_")
        || name.endsWith("_popular");
  }

  private static int twin(Metrics metrics, String name, List<String> patterns) {
    for (String pattern : patterns) {
      int j = metrics.columns().indexOf(String.format(pattern, name));
      if (j >= 0 && numeric(metrics.types().get(j))) {
        return j;
      }
    }
    return -1;
  }

  private static String allColumns(Metrics metrics) {
    if (metrics.columns().isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : metrics.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(
            value instanceof Double || value instanceof Float
                ? number(asDouble(value), 4)
                : value == null ? "" : value.toString());
      }
      rows.add(cells);
    }
    return Html.table("recommender_metrics (all columns)", metrics.columns(), rows)
        .replace("class=\"data\"", "class=\"metrics\"");
  }

  private static String difference(Double model, Double baseline) {
    if (model == null || baseline == null) {
      return "";
    }
    String text = number(model - baseline, 4);
    return model - baseline > 0 && !text.equals("0") ? "+" + text : text;
  }

  private static Double value(List<Object> row, int index) {
    return index < 0 ? null : asDouble(row.get(index));
  }

  private static boolean numeric(String type) {
    return type.equals("double")
        || type.equals("float")
        || type.equals("int")
        || type.equals("bigint")
        || type.equals("smallint")
        || type.equals("tinyint")
        || type.startsWith("decimal");
  }

  private static Double asDouble(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
