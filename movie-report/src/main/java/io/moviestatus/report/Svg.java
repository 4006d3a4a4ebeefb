package io.moviestatus.report;

import static io.moviestatus.report.Html.coordinate;
import static io.moviestatus.report.Html.escape;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What every chart shares: the SVG frame, axes with grid and ticks, nice linear scales, text,
 * colours and legends. Charts ({@link LineCharts}, {@link BarCharts}, {@link ScatterChart}, {@link
 * BaselineChart}) draw their marks into a {@link Plot}.
 */
final class Svg {

  static final int WIDTH = 640;
  static final int HEIGHT = 320;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 14;
  static final int BOTTOM = 52;

  /** How far every text keeps from the SVG's edges (user units). */
  static final double EDGE = 2;

  /** Wide charts scroll sideways inside their section on a narrow screen instead of shrinking. */
  static final String CLOSE = "</svg></div>";

  /** Colour-blind friendly categorical palette (Okabe–Ito, then Tableau extras). */
  static final List<String> PALETTE =
      List.of(
          "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
          "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF");

  private Svg() {}

  /**
   * The kinds of text in a chart, each with its CSS class and font; {@link Svg#STYLE} gives the
   * page these sizes and weights, so what {@link TextWidth} measures is what the browser draws.
   */
  enum Font {
    TICK("tick", 13, false),
    AXIS_TITLE("axis-title", 13, true),
    POINT_LABEL("point-label", 12, false);

    final String cssClass;
    final int size;
    final boolean bold;

    Font(String cssClass, int size, boolean bold) {
      this.cssClass = cssClass;
      this.size = size;
      this.bold = bold;
    }

    double width(String text) {
      return TextWidth.of(text, size, bold);
    }

    /** {@code text}, or its start and "…" when it is wider than {@code max}. */
    String fit(String text, double max) {
      return TextWidth.fit(text, max, size, bold);
    }

    /**
     * How far a line of this text, vertically centred on y ({@code dominant-baseline="middle"}),
     * reaches up at most: ascent less half the x-height, 0.66 em in DejaVu Sans, 0.83 em in Segoe
     * UI.
     */
    double above() {
      return 0.85 * size;
    }

    /** How far it reaches down: descent and half the x-height, 0.51 em in DejaVu Sans. */
    double below() {
      return 0.6 * size;
    }
  }

  /** The page's CSS for the fonts of {@link Font}. */
  static final String STYLE = style();

  private static String style() {
    StringBuilder css = new StringBuilder();
    for (Font font : Font.values()) {
      css.append(".chart-svg .")
          .append(font.cssClass)
          .append("{font-size:")
          .append(font.size)
          .append("px;font-weight:")
          .append(font.bold ? 600 : 400)
          .append("}\n");
    }
    return css.toString();
  }

  static String colour(int index) {
    return PALETTE.get(Math.floorMod(index, PALETTE.size()));
  }

  /** A legend of the palette's colours in order. */
  static String legend(List<String> series) {
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      colours.add(colour(i));
    }
    return legend(series, colours);
  }

  static String legend(List<String> names, List<String> colours) {
    StringBuilder out = new StringBuilder("<ul class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      out.append("<li><span class=\"swatch\" style=\"background:")
          .append(colours.get(i))
          .append("\"></span>")
          .append(escape(names.get(i)))
          .append("</li>");
    }
    return out.append("</ul>").toString();
  }

  /**
   * A y axis tick's number: millions and billions shortened (2.5M), so that it fits left of the
   * axis.
   */
  static String tickNumber(double value) {
    double size = Math.abs(value);
    if (size >= 1e9) {
      return Html.number(value / 1e9, 2) + "B";
    }
    if (size >= 1e6) {
      return Html.number(value / 1e6, 2) + "M";
    }
    return Html.number(value, 4);
  }

  /** A change with its sign: +3, -2, 0. */
  static String signed(double value) {
    String text = Html.number(value, 2);
    return value > 0 ? "+" + text : text;
  }

  /** What a chart without data shows instead (no mark). */
  static String empty(String title) {
    return "<p class=\"empty\">" + escape(title) + ": no data for this period.</p>";
  }

  /** Opens a scrolling box and an SVG of the standard width with an accessible title. */
  static StringBuilder open(String title, int height) {
    return new StringBuilder("<div class=\"scroll\"><svg class=\"chart-svg\"")
        .append(" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(title))
        .append("\"><title>")
        .append(escape(title))
        .append("</title>");
  }

  static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line class=\""
        + cssClass
        + "\" x1=\""
        + coordinate(x1)
        + "\" y1=\""
        + coordinate(y1)
        + "\" x2=\""
        + coordinate(x2)
        + "\" y2=\""
        + coordinate(y2)
        + "\"/>";
  }

  /** A tick label. */
  static String text(double x, double y, String anchor, String content) {
    return text(x, y, anchor, content, Font.TICK);
  }

  static String text(double x, double y, String anchor, String content, Font font) {
    return "<text class=\""
        + font.cssClass
        + "\" x=\""
        + coordinate(x)
        + "\" y=\""
        + coordinate(y)
        + "\" text-anchor=\""
        + anchor
        + "\" dominant-baseline=\"middle\">"
        + escape(content)
        + "</text>";
  }

  /**
   * A text centred on x as far as the SVG's width allows: moved sideways to stay {@link #EDGE}
   * inside it, cut with "…" when wider than the SVG.
   */
  static String centred(double x, double y, String content, Font font) {
    String shown = font.fit(content, WIDTH - 2 * EDGE);
    double half = font.width(shown) / 2;
    double centre = Math.max(EDGE + half, Math.min(WIDTH - EDGE - half, x));
    return text(centre, y, "middle", shown, font);
  }

  /** An SVG with a y axis (grid, ticks, title) and an x axis title; x ticks added by the chart. */
  static final class Plot {
    final StringBuilder svg;
    private final int height;
    private final String xTitle;

    Plot(String title, int height, Scale y, String xTitle, String yTitle) {
      this.height = height;
      this.xTitle = xTitle;
      this.svg = open(title, height);
      for (double tick : y.ticks()) {
        double py = y.map(tick, bottom(), TOP);
        svg.append(line(LEFT, py, WIDTH - RIGHT, py, "grid"));
        svg.append(text(LEFT - 6, py, "end", tickNumber(tick)));
      }
      svg.append(line(LEFT, bottom(), WIDTH - RIGHT, bottom(), "axis"));
      svg.append(line(LEFT, TOP, LEFT, bottom(), "axis"));
      // turned upright along the y axis: as long as the plot is high at most
      double middle = (TOP + bottom()) / 2;
      svg.append("<text class=\"")
          .append(Font.AXIS_TITLE.cssClass)
          .append("\" text-anchor=\"middle\" transform=\"translate(15 ")
          .append(coordinate(middle))
          .append(") rotate(-90)\">")
          .append(escape(Font.AXIS_TITLE.fit(yTitle, bottom() - TOP)))
          .append("</text>");
    }

    double bottom() {
      return height - BOTTOM;
    }

    /** Up to 7 date labels, evenly picked, first and last included. */
    void dateTicks(List<LocalDate> dates, Function<LocalDate, Double> x) {
      categoryTicks(
          dates.stream().map(LocalDate::toString).toList(), d -> x.apply(LocalDate.parse(d)));
    }

    /** Up to 7 category labels, evenly picked; dates shown as MM-dd. */
    void categoryTicks(List<String> categories, Function<String, Double> x) {
      int n = categories.size();
      int step = Math.max(1, (int) Math.ceil(n / 7.0));
      for (int i = 0; i < n; i++) {
        if (i % step != 0 && i != n - 1) {
          continue;
        }
        if (i == n - 1 && i % step != 0 && n - 1 - (i - i % step) < step / 2.0) {
          continue; // too close to the previous label
        }
        String label = categories.get(i);
        String shown = label.matches("\\d{4}-\\d{2}-\\d{2}") ? label.substring(5) : label;
        double px = x.apply(label);
        svg.append(line(px, bottom(), px, bottom() + 4, "axis"));
        svg.append(centred(px, bottom() + 16, Html.shorten(shown, 14), Font.TICK));
      }
    }

    /** Adds the x axis title and closes the SVG and its box. */
    String close() {
      svg.append(centred((LEFT + WIDTH - RIGHT) / 2.0, height - 10, xTitle, Font.AXIS_TITLE));
      return svg.append(CLOSE).toString();
    }
  }

  /** A linear scale whose domain is widened to "nice" tick values (1, 2, 5 × 10^k). */
  record Scale(double min, double max, double step) {

    static Scale nice(double low, double high) {
      if (!(high > low)) {
        high = low + 1;
      }
      double raw = (high - low) / 5;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double residual = raw / magnitude;
      double step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
      return new Scale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      long count = Math.round((max - min) / step);
      long first = Math.round(min / step);
      for (long i = 0; i <= count; i++) {
        // decimal arithmetic: 28 × 0.2 is 5.6, not 5.6000000000000005
        ticks.add(BigDecimal.valueOf(first + i).multiply(BigDecimal.valueOf(step)).doubleValue());
      }
      return ticks;
    }

    double map(double value, double from, double to) {
      return from + (to - from) * (value - min) / (max - min);
    }
  }
}
