package dev.trustml.reports.html;

import dev.trustml.reports.text.Xml;
import java.util.Locale;

/** Small helpers for inline SVG: coordinates, scalable roots, escaped text. */
final class Svg {
  /** The SVG namespace: the only URL a report contains, and it is never fetched. */
  static final String NS = "http://www.w3.org/2000/svg";

  /** Okabe & Ito's colour-blind-safe palette (2008), without yellow, which fades on white. */
  static final String[] COLOURS = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"
  };

  /** Dash patterns, so curves stay apart when printed in grey. */
  static final String[] DASHES = {"", "7 3", "2 2", "9 3 2 3", "4 4", "1 3", "12 4"};

  static final String BAD = "#B00020";
  static final String MUTED = "#6B7280";

  private Svg() {}

  /** A coordinate with one decimal, locale-independent. */
  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.equals("-0.0") ? "0.0" : s;
  }

  /**
   * An SVG root that scales to its container: a viewBox with width 100%, and a {@code <title>} that
   * screen readers announce.
   */
  static String open(String cssClass, int width, int height, String title) {
    return "<svg xmlns=\""
        + NS
        + "\" class=\""
        + cssClass
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\">"
        + "<title>"
        + Xml.escape(title)
        + "</title>";
  }

  static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text x=\""
        + n(x)
        + "\" y=\""
        + n(y)
        + "\" text-anchor=\""
        + anchor
        + "\""
        + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
        + ">"
        + Xml.escape(content)
        + "</text>";
  }

  static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line x1=\""
        + n(x1)
        + "\" y1=\""
        + n(y1)
        + "\" x2=\""
        + n(x2)
        + "\" y2=\""
        + n(y2)
        + "\" class=\""
        + cssClass
        + "\"/>";
  }

  static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  static String dash(int i) {
    String d = DASHES[i % DASHES.length];
    return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
  }

  /** {@code 10⁻³} in Unicode superscripts; {@code 1} for 10⁰. */
  static String power10(int exponent) {
    if (exponent == 0) {
      return "1";
    }
    String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder b = new StringBuilder("10");
    if (exponent < 0) {
      b.append('⁻');
    }
    for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
      b.append(sup.charAt(c - '0'));
    }
    return b.toString();
  }
}
