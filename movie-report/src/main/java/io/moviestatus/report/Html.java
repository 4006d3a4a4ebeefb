package io.moviestatus.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Escaping and formatting of the report's text, and its data tables. */
final class Html {

  private Html() {}

  /** Text safe in element content and in quoted attribute values (TMDB titles are untrusted). */
  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // control characters other than tab/newline are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A number with at most {@code decimals} decimals, trailing zeros dropped; "" for null. */
  static String number(Double value, int decimals) {
    if (value == null) {
      return "";
    }
    if (value.isNaN() || value.isInfinite()) {
      return value.toString();
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  /** A coordinate for SVG: one decimal, no exponent. */
  static String coordinate(double value) {
    return number(value, 1);
  }

  /** Cuts a label to {@code max} characters with an ellipsis (the full text goes in a tooltip). */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A data table: header row, then one row per item; cells are escaped here. */
  static String table(String caption, List<String> headers, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("<div class=\"scroll\"><table class=\"data\"><caption>")
        .append(escape(caption))
        .append("</caption><thead><tr>");
    for (String header : headers) {
      out.append("<th scope=\"col\">").append(escape(header)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String cell : row) {
        out.append("<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table></div>");
    return out.toString();
  }
}
