package dev.trustml.reports.html;

import dev.trustml.reports.text.Numbers;
import dev.trustml.reports.text.Xml;
import dev.trustml.results.AttackResult;
import dev.trustml.results.FprKey;
import dev.trustml.results.RocPoint;
import dev.trustml.results.TprAtFpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ROC curves on log-log axes, as Carlini et al. plot them ("Membership Inference Attacks From First
 * Principles", IEEE S&amp;P 2022, arXiv:2112.03570): an attack matters when it has a high TPR at a
 * low (at most 0.1%) FPR, a corner a linear plot squashes flat. The chance line TPR = FPR is the
 * diagonal, because both axes run from the same decade to 1.
 */
final class RocChart {
  static final int WIDTH = 560;
  static final int HEIGHT = 440;
  static final double LEFT = 64;
  static final double RIGHT = WIDTH - 16;
  static final double TOP = 16;
  static final double BOTTOM = HEIGHT - 56;

  private RocChart() {}

  /** The axis low end for an audit with {@code nonMembers} non-member rows: 1/n, 1e-6..1e-2. */
  static int lowExponent(long nonMembers) {
    return LogAxis.lowExponentFor(nonMembers, -4, -6, -2);
  }

  static String render(List<AttackResult> attacks, long nonMembers) {
    int low = lowExponent(nonMembers);
    LogAxis x = new LogAxis(low, LEFT, RIGHT);
    LogAxis y = new LogAxis(low, BOTTOM, TOP);
    StringBuilder b = new StringBuilder();
    b.append(
        Svg.open(
            "roc",
            WIDTH,
            HEIGHT,
            "ROC curves of " + attacks.size() + " attacks on log-log axes, with the chance line"));
    axes(b, x, y, low);
    // Chance: TPR = FPR, a straight diagonal because both axes share the same range.
    b.append(Svg.line(x.map(x.min()), y.map(y.min()), x.map(1), y.map(1), "chance"));
    for (int i = 0; i < attacks.size(); i++) {
      curve(b, attacks.get(i), i, x, y);
    }
    legend(b, attacks);
    b.append("</svg>");
    return b.toString();
  }

  private static void axes(StringBuilder b, LogAxis x, LogAxis y, int low) {
    b.append("<g class=\"grid\">");
    for (int e = low; e <= 0; e++) {
      b.append(Svg.line(x.map(Math.pow(10, e)), TOP, x.map(Math.pow(10, e)), BOTTOM, "major"));
      b.append(Svg.line(LEFT, y.map(Math.pow(10, e)), RIGHT, y.map(Math.pow(10, e)), "major"));
      if (e < 0) {
        for (int m = 2; m <= 9; m++) {
          double v = m * Math.pow(10, e);
          b.append(Svg.line(x.map(v), BOTTOM, x.map(v), BOTTOM + 4, "minor"));
          b.append(Svg.line(LEFT - 4, y.map(v), LEFT, y.map(v), "minor"));
        }
      }
    }
    b.append("</g><g class=\"axis\">");
    b.append(Svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, "frame"));
    b.append(Svg.line(LEFT, TOP, LEFT, BOTTOM, "frame"));
    for (int e = low; e <= 0; e++) {
      double v = Math.pow(10, e);
      b.append(Svg.line(x.map(v), BOTTOM, x.map(v), BOTTOM + 7, "tick"));
      b.append(Svg.text(x.map(v), BOTTOM + 22, "middle", "tick-label", Svg.power10(e)));
      b.append(Svg.line(LEFT - 7, y.map(v), LEFT, y.map(v), "tick"));
      b.append(Svg.text(LEFT - 10, y.map(v) + 4, "end", "tick-label", Svg.power10(e)));
    }
    b.append(
        Svg.text((LEFT + RIGHT) / 2, HEIGHT - 10, "middle", "axis-label", "False positive rate"));
    b.append("<text transform=\"translate(16 ")
        .append(Svg.n((TOP + BOTTOM) / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\" class=\"axis-label\">")
        .append("True positive rate</text>");
    b.append("</g>");
  }

  private static void curve(StringBuilder b, AttackResult a, int i, LogAxis x, LogAxis y) {
    List<RocPoint> points = new ArrayList<>(a.roc());
    points.removeIf(p -> Double.isNaN(p.fpr()) || Double.isNaN(p.tpr()));
    points.sort(Comparator.comparingDouble(RocPoint::fpr).thenComparingDouble(RocPoint::tpr));
    StringBuilder coords = new StringBuilder();
    String last = null;
    for (RocPoint p : points) {
      String xy = Svg.n(x.map(p.fpr())) + "," + Svg.n(y.map(p.tpr()));
      if (!xy.equals(last)) {
        coords.append(coords.length() == 0 ? "" : " ").append(xy);
        last = xy;
      }
    }
    String colour = Svg.colour(i);
    b.append("<g class=\"attack\" data-attack=\"").append(Xml.escape(a.name())).append("\">");
    b.append("<title>").append(Xml.escape(a.name())).append("</title>");
    if (coords.length() > 0) {
      b.append("<polyline class=\"curve\" fill=\"none\" stroke=\"")
          .append(colour)
          .append('"')
          .append(Svg.dash(i))
          .append(" points=\"")
          .append(coords)
          .append("\"/>");
    }
    // Dots at the reported operating points, e.g. TPR at FPR 0.1%.
    for (TprAtFpr.Point p : a.tprAtFpr().points()) {
      if (!Double.isNaN(p.tpr()) && p.fpr() >= x.min()) {
        b.append("<circle class=\"operating-point\" cx=\"")
            .append(Svg.n(x.map(p.fpr())))
            .append("\" cy=\"")
            .append(Svg.n(y.map(p.tpr())))
            .append("\" r=\"3.5\" fill=\"")
            .append(colour)
            .append("\"><title>")
            .append(
                Xml.escape(
                    a.name()
                        + ": TPR "
                        + Numbers.format(p.tpr())
                        + " at FPR "
                        + FprKey.of(p.fpr())))
            .append("</title></circle>");
      }
    }
    b.append("</g>");
  }

  /** Bottom right, inside the plot: on log-log axes the curves lie above the diagonal. */
  private static void legend(StringBuilder b, List<AttackResult> attacks) {
    double row = 18;
    double height = row * (attacks.size() + 1) + 8;
    double left = RIGHT - 230;
    double top = BOTTOM - height - 8;
    b.append("<g class=\"legend\"><rect class=\"box\" x=\"")
        .append(Svg.n(left))
        .append("\" y=\"")
        .append(Svg.n(top))
        .append("\" width=\"222\" height=\"")
        .append(Svg.n(height))
        .append("\" rx=\"4\"/>");
    for (int i = 0; i < attacks.size(); i++) {
      double cy = top + 14 + i * row;
      AttackResult a = attacks.get(i);
      b.append("<line x1=\"")
          .append(Svg.n(left + 8))
          .append("\" y1=\"")
          .append(Svg.n(cy - 4))
          .append("\" x2=\"")
          .append(Svg.n(left + 34))
          .append("\" y2=\"")
          .append(Svg.n(cy - 4))
          .append("\" stroke=\"")
          .append(Svg.colour(i))
          .append('"')
          .append(Svg.dash(i))
          .append(" class=\"swatch\"/>");
      b.append(
          Svg.text(
              left + 40,
              cy,
              "start",
              null,
              shorten(a.name(), 20) + " (AUC " + Numbers.format(a.auc()) + ")"));
    }
    double cy = top + 14 + attacks.size() * row;
    b.append(Svg.line(left + 8, cy - 4, left + 34, cy - 4, "chance"));
    b.append(Svg.text(left + 40, cy, "start", null, "chance (TPR = FPR)"));
    b.append("</g>");
  }

  /** Legends have room for about 20 characters; the full name is in the curve's title. */
  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
