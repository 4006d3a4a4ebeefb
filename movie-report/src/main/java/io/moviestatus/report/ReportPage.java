package io.moviestatus.report;

import static io.moviestatus.report.Html.escape;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as one self-contained HTML page: no script, no external resource (a Content Security
 * Policy forbids any), inline SVG charts, each followed by the data it draws in a collapsible
 * table. This class is the page's skeleton (head, style, navigation, section frame); the sections
 * come from {@link MovieSections}, {@link ActivitySections} and {@link RecommenderSection}.
 */
final class ReportPage {

  /** The page's Content Security Policy: nothing may be loaded; inline styles and data: images. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  /** The page's style; the chart texts' font sizes and weights are {@link Svg#STYLE}. */
  private static final String STYLE =
      """
      :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2330;background:#f4f5f7}
      body{margin:0}
      header,main{max-width:1080px;margin:0 auto;padding:12px 16px}
      h1{font-size:1.5rem;margin:8px 0}
      h2{font-size:1.15rem;margin:0 0 4px}
      nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:8px 0;font-size:.9rem}
      section{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:14px 16px;margin:0 0 16px}
      .note{color:#4a5361;font-size:.9rem;margin:0 0 8px}
      figure{margin:0}
      .scroll{overflow-x:auto;max-width:100%}
      .chart-svg{display:block;width:100%;max-width:800px;min-width:520px;height:auto}
      .chart-svg text{fill:#2b3340}
      .chart-svg .point-label{fill:#8a3a00}
      .chart-svg .grid{stroke:#e3e7ec;stroke-width:1}
      .chart-svg .axis{stroke:#6b7480;stroke-width:1}
      .panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:8px}
      .panels .chart-svg{min-width:300px}
      .legend{display:flex;flex-wrap:wrap;gap:2px 14px;list-style:none;padding:0;margin:6px 0;font-size:.85rem}
      .swatch{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px;vertical-align:-1px}
      table{border-collapse:collapse;font-size:.88rem}
      caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{padding:4px 8px;border-bottom:1px solid #e8ebef;text-align:left;vertical-align:middle}
      th{background:#f7f8fa}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .up{color:#1a7f37}.down{color:#c62828}.same,.new{color:#6b7480}
      .spark{display:block}
      details{margin-top:8px}
      summary{cursor:pointer;color:#0b5cad}
      .empty{color:#6b7480;font-style:italic}
      @media (max-width:600px){header,main{padding:8px}section{padding:10px}h1{font-size:1.25rem}}
      """;

  private ReportPage() {}

  static String render(ReportData data) {
    List<String> sections = new ArrayList<>();
    sections.add(MovieSections.top(data));
    sections.add(MovieSections.trends(data));
    sections.add(MovieSections.movers(data));
    sections.add(MovieSections.scatter(data));
    sections.add(ActivitySections.genres(data));
    sections.add(ActivitySections.ratingsPerDay(data));
    sections.add(ActivitySections.ratingDistribution(data));
    sections.add(RecommenderSection.render(data));
    sections.add(ActivitySections.quarantine(data));
    sections.add(ActivitySections.processedFiles(data));

    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(escape(CSP))
        .append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>movie-status report ")
        .append(data.date())
        .append("</title><style>")
        .append(STYLE)
        .append(Svg.STYLE)
        .append("</style></head><body><header><h1>movie-status report: ")
        .append(data.date())
        .append("</h1><p class=\"note\">Lake <code>")
        .append(escape(data.lake()))
        .append("</code> · window ")
        .append(data.from())
        .append(" to ")
        .append(data.date())
        .append(" (")
        .append(data.days())
        .append(" days, ")
        .append(data.dates().size())
        .append(" snapshot dates) · generated ")
        .append(escape(data.generatedAt().truncatedTo(ChronoUnit.SECONDS)))
        .append(". Dates are UTC. Hover a mark for its value; open “Data” under a chart for")
        .append(" the numbers it draws.</p><nav aria-label=\"Charts\"><ul>");
    for (String[] entry : TOC) {
      out.append("<li><a href=\"#")
          .append(entry[0])
          .append("\">")
          .append(entry[1])
          .append("</a></li>");
    }
    out.append("</ul></nav></header><main>");
    sections.forEach(out::append);
    out.append("</main></body></html>\n");
    return out.toString();
  }

  private static final String[][] TOC = {
    {"top20", "Top 20"},
    {"trends", "Trends"},
    {"movers", "Movers"},
    {"scatter", "Rating vs popularity"},
    {"genres", "Genre mix"},
    {"ratings-daily", "Ratings per day"},
    {"ratings-distribution", "Rating distribution"},
    {"recommender", "Recommender"},
    {"quarantine", "Quarantine"},
    {"processed-files", "Processed files"}
  };

  /**
   * A chart section: title, note, the chart (its marks have class {@code mark}) and, collapsed
   * under it, the data table it draws (one row per mark).
   */
  static String section(String id, String title, String note, String chart, String data) {
    int rows = countRows(data);
    return "<section class=\"chart-section\" id=\""
        + id
        + "\" aria-labelledby=\""
        + id
        + "-title\"><h2 id=\""
        + id
        + "-title\">"
        + escape(title)
        + "</h2><p class=\"note\">"
        + escape(note)
        + "</p><figure class=\"chart\" data-chart=\""
        + id
        + "\">"
        + chart
        + "</figure><details class=\"data\"><summary>Data: "
        + rows
        + (rows == 1 ? " row" : " rows")
        + "</summary>"
        + data
        + "</details></section>";
  }

  private static int countRows(String table) {
    int rows = 0;
    int body = table.indexOf("<tbody>");
    for (int i = table.indexOf("<tr>", body); i >= 0; i = table.indexOf("<tr>", i + 1)) {
      rows++;
    }
    return body < 0 ? 0 : rows;
  }
}
