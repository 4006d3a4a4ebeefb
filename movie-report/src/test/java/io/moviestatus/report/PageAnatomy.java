package io.moviestatus.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rendered report back: per chart section, its marks and the rows of its data table. */
record PageAnatomy(Map<String, Integer> marks, Map<String, Integer> dataRows) {

  private static final Pattern SECTION =
      Pattern.compile("<section class=\"chart-section\" id=\"([a-z0-9-]+)\"");

  static PageAnatomy of(String html) {
    Map<String, Integer> marks = new LinkedHashMap<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    Matcher m = SECTION.matcher(html);
    while (m.find()) {
      int end = html.indexOf("</section>", m.end());
      String section = html.substring(m.end(), end);
      int details = section.indexOf("<details class=\"data\">");
      marks.put(m.group(1), count(section.substring(0, details), "class=\"mark\""));
      String table = section.substring(section.indexOf("<tbody>", details));
      rows.put(m.group(1), count(table, "<tr>"));
    }
    return new PageAnatomy(marks, rows);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
