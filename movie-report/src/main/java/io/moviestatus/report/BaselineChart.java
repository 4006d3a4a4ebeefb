package io.moviestatus.report;

import static io.moviestatus.report.Html.coordinate;
import static io.moviestatus.report.Html.escape;
import static io.moviestatus.report.Svg.LEFT;
import static io.moviestatus.report.Svg.RIGHT;
import static io.moviestatus.report.Svg.TOP;
import static io.moviestatus.report.Svg.WIDTH;
import static java.util.Objects.requireNonNull;

import io.moviestatus.report.Svg.Plot;
import io.moviestatus.report.Svg.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The recommender's metrics against its baselines: one small panel per metric; in it, per model
 * version, the model's bar beside the bias baseline's and most popular's. One mark (the group of
 * bars) per comparison.
 */
final class BaselineChart {

  static final String MODEL = "model";
  static final String BIAS = "bias baseline";
  static final String POPULAR = "most popular";

  private static final String MODEL_COLOUR = Svg.PALETTE.get(0);
  private static final String BIAS_COLOUR = "#9aa3ad";
  private static final String POPULAR_COLOUR = Svg.PALETTE.get(1);
  private static final int PANEL_HEIGHT = 240;

  private BaselineChart() {}

  /** A metric of one model version next to its baselines (any of the three may be missing). */
  record Comparison(String group, String metric, Double model, Double bias, Double popular) {
    Comparison {
      requireNonNull(group, "group is null");
      requireNonNull(metric, "metric is null");
    }
  }

  /** One panel per metric, in the order the metrics first appear; a legend of the three bars. */
  static String panels(String title, List<Comparison> comparisons, String groupTitle) {
    if (comparisons.isEmpty()) {
      return Svg.empty(title);
    }
    Map<String, List<Comparison>> byMetric = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      byMetric.computeIfAbsent(c.metric(), k -> new ArrayList<>()).add(c);
    }
    StringBuilder out = new StringBuilder("<div class=\"panels\">");
    for (Map.Entry<String, List<Comparison>> metric : byMetric.entrySet()) {
      out.append("<div class=\"panel\">")
          .append(panel(title + ": " + metric.getKey(), metric.getValue(), groupTitle))
          .append("</div>");
    }
    out.append("</div>");
    return out
        + Svg.legend(
            List.of(MODEL, BIAS, POPULAR), List.of(MODEL_COLOUR, BIAS_COLOUR, POPULAR_COLOUR));
  }

  private static String panel(String title, List<Comparison> rows, String groupTitle) {
    double top =
        rows.stream()
            .flatMap(c -> Stream.of(c.model(), c.bias(), c.popular()))
            .filter(v -> v != null && Double.isFinite(v))
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(1);
    Scale y = Scale.nice(0, top);
    String metric = rows.get(0).metric();
    Plot plot = new Plot(title, PANEL_HEIGHT, y, groupTitle, metric);
    double band = (WIDTH - RIGHT - LEFT) / (double) rows.size();
    double bar = Math.min(40, band * 0.26);
    List<String> groups = rows.stream().map(Comparison::group).toList();
    plot.categoryTicks(groups, g -> LEFT + band * groups.indexOf(g) + band / 2);
    for (int i = 0; i < rows.size(); i++) {
      Comparison c = rows.get(i);
      double centre = LEFT + band * i + band / 2;
      plot.svg
          .append("<g class=\"mark\"><title>")
          .append(
              escape(
                  c.group()
                      + " · "
                      + c.metric()
                      + ": "
                      + MODEL
                      + " "
                      + Html.number(c.model(), 4)
                      + ", "
                      + BIAS
                      + " "
                      + Html.number(c.bias(), 4)
                      + ", "
                      + POPULAR
                      + " "
                      + Html.number(c.popular(), 4)))
          .append("</title>");
      double bottom = plot.bottom();
      plot.svg.append(bar(centre - 1.5 * bar, bar, c.model(), y, bottom, MODEL_COLOUR));
      plot.svg.append(bar(centre - 0.5 * bar, bar, c.bias(), y, bottom, BIAS_COLOUR));
      plot.svg.append(bar(centre + 0.5 * bar, bar, c.popular(), y, bottom, POPULAR_COLOUR));
      plot.svg.append("</g>");
    }
    return plot.close();
  }

  private static String bar(
      double left, double width, Double value, Scale y, double bottom, String fill) {
    if (Objects.isNull(value) || !Double.isFinite(value)) {
      return "";
    }
    double top = y.map(value, bottom, TOP);
    return "<rect x=\""
        + coordinate(left)
        + "\" y=\""
        + coordinate(top)
        + "\" width=\""
        + coordinate(width)
        + "\" height=\""
        + coordinate(Math.max(0, bottom - top))
        + "\" fill=\""
        + fill
        + "\"/>";
  }
}
