package io.moviestatus.report;

import java.text.Normalizer;

/**
 * How wide a text is drawn, without a browser: the advance widths of DejaVu Sans and DejaVu Sans
 * Bold (what Chromium on Debian draws for the page's {@code system-ui, …, sans-serif}), measured in
 * Chromium and rounded up to 1/1000 em. DejaVu Sans is among the widest sans-serif fonts: the other
 * fonts of the page's list (Segoe UI, San Francisco, Roboto, Helvetica, Arial) draw the same text
 * narrower, so a label that fits here fits there. Kerning only narrows a text.
 */
final class TextWidth {

  /** Characters 32 (space) to 126 (~) of DejaVu Sans, in 1/1000 em. */
  private static final int[] REGULAR = {
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
    637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 710, 687, 699, 771, 632,
    576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 596, 732, 685, 989, 686,
    611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550, 635, 616, 345, 635, 634, 278, 278, 580,
    278, 975, 634, 612, 635, 635, 396, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838
  };

  /** Characters 32 (space) to 126 (~) of DejaVu Sans Bold (font-weight 600 and up). */
  private static final int[] BOLD = {
    348, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581, 1000, 774, 763, 734, 831, 684,
    684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771, 680, 703, 813, 774, 1104, 771,
    725, 726, 458, 366, 458, 838, 500, 500, 675, 716, 593, 716, 679, 406, 716, 712, 343, 343, 666,
    343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838
  };

  /** Any other character of the Basic Multilingual Plane: …, —, CJK ideographs are 1 em. */
  private static final int OTHER = 1000;

  /** Characters beyond it (emoji, rare ideographs). */
  private static final int SUPPLEMENTARY = 1300;

  static final String ELLIPSIS = "…";

  private TextWidth() {}

  /** The width of {@code text} in user units at {@code size} (px in the SVG's coordinates). */
  static double of(String text, double size, boolean bold) {
    int[] widths = bold ? BOLD : REGULAR;
    // é is e and a combining accent (no width): accented Latin letters are as wide as their base
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    long thousandths = 0;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      thousandths += width(c, widths);
    }
    return thousandths * size / 1000;
  }

  private static int width(int c, int[] widths) {
    if (c >= 32 && c <= 126) {
      return widths[c - 32];
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || type == Character.CONTROL) {
      return 0;
    }
    return Character.isSupplementaryCodePoint(c) ? SUPPLEMENTARY : OTHER;
  }

  /**
   * {@code text} if it is at most {@code max} wide, else its longest start that is, followed by "…"
   * (never a half of a surrogate pair; trailing spaces dropped before the "…"); "" if not even "…"
   * fits.
   */
  static String fit(String text, double max, double size, boolean bold) {
    if (of(text, size, bold) <= max) {
      return text;
    }
    String cut = "";
    for (int end = 0; end < text.length(); ) {
      end += Character.charCount(text.codePointAt(end));
      String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
      if (of(candidate, size, bold) > max) {
        break;
      }
      cut = candidate;
    }
    return cut.isEmpty() && of(ELLIPSIS, size, bold) <= max ? ELLIPSIS : cut;
  }
}
