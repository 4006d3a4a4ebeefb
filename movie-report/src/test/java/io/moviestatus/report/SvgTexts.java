package io.moviestatus.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the texts of rendered SVG charts back with the boxes {@link TextWidth} gives them: where
 * each would reach in its SVG's coordinates ({@code viewBox="0 0 width height"}).
 */
final class SvgTexts {

  private static final Pattern SVG =
      Pattern.compile("<svg class=\"chart-svg\"[^>]* viewBox=\"0 0 (\\d+) (\\d+)\".*?</svg>");
  private static final Pattern TEXT =
      Pattern.compile(
          "<text class=\"([a-z-]+)\" x=\"(-?[\\d.]+)\" y=\"(-?[\\d.]+)\" text-anchor=\"(start|middle|end)\""
              + " dominant-baseline=\"middle\">([^<]*)</text>");
  private static final Pattern UPRIGHT =
      Pattern.compile(
          "<text class=\"([a-z-]+)\" text-anchor=\"middle\""
              + " transform=\"translate\\((-?[\\d.]+) (-?[\\d.]+)\\) rotate\\(-90\\)\">([^<]*)</text>");

  private SvgTexts() {}

  /** A text as drawn: its content and the box it reaches, in its SVG's coordinates. */
  record Box(String text, double left, double right, double top, double bottom) {}

  /** An SVG chart: its size and its texts. */
  record Chart(double width, double height, List<Box> texts, int textElements) {

    /** The texts reaching outside the SVG. */
    List<Box> outside() {
      return texts.stream()
          .filter(b -> b.left() < 0 || b.right() > width || b.top() < 0 || b.bottom() > height)
          .toList();
    }
  }

  static List<Chart> charts(String html) {
    List<Chart> charts = new ArrayList<>();
    Matcher svg = SVG.matcher(html);
    while (svg.find()) {
      String body = svg.group();
      List<Box> boxes = new ArrayList<>();
      Matcher t = TEXT.matcher(body);
      while (t.find()) {
        Svg.Font font = font(t.group(1));
        String text = unescape(t.group(5));
        double x = Double.parseDouble(t.group(2));
        double y = Double.parseDouble(t.group(3));
        double width = font.width(text);
        double left =
            switch (t.group(4)) {
              case "start" -> x;
              case "middle" -> x - width / 2;
              default -> x - width;
            };
        boxes.add(new Box(text, left, left + width, y - font.above(), y + font.below()));
      }
      Matcher u = UPRIGHT.matcher(body);
      while (u.find()) {
        Svg.Font font = font(u.group(1));
        String text = unescape(u.group(4));
        double x = Double.parseDouble(u.group(2));
        double y = Double.parseDouble(u.group(3));
        double length = font.width(text);
        // turned by -90°: its baseline runs upwards through (x, y), glyphs above it to the left
        boxes.add(
            new Box(
                text, x - 1.1 * font.size, x + 0.3 * font.size, y - length / 2, y + length / 2));
      }
      charts.add(
          new Chart(
              Double.parseDouble(svg.group(1)),
              Double.parseDouble(svg.group(2)),
              boxes,
              PageAnatomy.count(body, "<text")));
    }
    return charts;
  }

  /** The text of every element {@code <text class="tick" …>} drawn with text-anchor end. */
  static List<String> endAnchoredTicks(String svg) {
    List<String> labels = new ArrayList<>();
    Matcher t = TEXT.matcher(svg);
    while (t.find()) {
      if (t.group(1).equals("tick") && t.group(4).equals("end")) {
        labels.add(unescape(t.group(5)));
      }
    }
    return labels;
  }

  private static Svg.Font font(String cssClass) {
    for (Svg.Font font : Svg.Font.values()) {
      if (font.cssClass.equals(cssClass)) {
        return font;
      }
    }
    throw new IllegalArgumentException("unknown text class: " + cssClass);
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
