package dev.trustml.reports.html;

import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AttackResult;
import dev.trustml.results.ScoreHistogram;
import java.util.List;

/**
 * Member and non-member attack-score histograms of one attack, as shares of each set so that sets
 * of different sizes compare: the further apart the two shapes, the more the attack separates
 * members from non-members.
 */
final class HistogramChart {
  static final int WIDTH = 560;
  static final int HEIGHT = 260;
  static final double LEFT = 56;
  static final double RIGHT = WIDTH - 12;
  static final double TOP = 30;
  static final double BOTTOM = HEIGHT - 46;
  static final String MEMBER_COLOUR = "#D55E00";
  static final String NON_MEMBER_COLOUR = "#0072B2";

  private HistogramChart() {}

  /** The chart, or null when the attack recorded no usable histogram. */
  static String render(AttackResult attack) {
    ScoreHistogram h = attack.histogram();
    if (h == null
        || h.edges().size() < 2
        || h.members().size() != h.edges().size() - 1
        || h.nonMembers().size() != h.edges().size() - 1
        || h.edges().stream().anyMatch(e -> e == null || !Double.isFinite(e))) {
      return null;
    }
    List<Double> edges = h.edges();
    long members = h.members().stream().mapToLong(Long::longValue).sum();
    long nonMembers = h.nonMembers().stream().mapToLong(Long::longValue).sum();
    double maxShare = 0;
    for (int i = 0; i < h.members().size(); i++) {
      maxShare = Math.max(maxShare, share(h.members().get(i), members));
      maxShare = Math.max(maxShare, share(h.nonMembers().get(i), nonMembers));
    }
    LinearAxis x = new LinearAxis(edges.get(0), edges.get(edges.size() - 1), LEFT, RIGHT);
    LinearAxis y = new LinearAxis(0, LinearAxis.niceMax(maxShare), BOTTOM, TOP);
    StringBuilder b = new StringBuilder();
    b.append(
        Svg.open(
            "histogram",
            WIDTH,
            HEIGHT,
            "Score histogram of " + attack.name() + ": members against non-members"));
    b.append("<g class=\"grid\">");
    for (double t : y.ticks(5)) {
      b.append(Svg.line(LEFT, y.map(t), RIGHT, y.map(t), "major"));
    }
    b.append("</g>");
    bars(b, edges, h.nonMembers(), nonMembers, x, y, NON_MEMBER_COLOUR, "bars non-members");
    bars(b, edges, h.members(), members, x, y, MEMBER_COLOUR, "bars members");
    b.append("<g class=\"axis\">");
    b.append(Svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, "frame"));
    b.append(Svg.line(LEFT, TOP, LEFT, BOTTOM, "frame"));
    for (double t : x.ticks(7)) {
      b.append(Svg.line(x.map(t), BOTTOM, x.map(t), BOTTOM + 6, "tick"));
      b.append(Svg.text(x.map(t), BOTTOM + 20, "middle", "tick-label", Numbers.format(t)));
    }
    for (double t : y.ticks(5)) {
      b.append(Svg.line(LEFT - 6, y.map(t), LEFT, y.map(t), "tick"));
      b.append(
          Svg.text(LEFT - 9, y.map(t) + 4, "end", "tick-label", Numbers.format(t * 100) + "%"));
    }
    b.append(
        Svg.text(
            (LEFT + RIGHT) / 2,
            HEIGHT - 8,
            "middle",
            "axis-label",
            "attack score (higher = more likely a member)"));
    b.append("</g>");
    legend(b, members, nonMembers);
    b.append("</svg>");
    return b.toString();
  }

  private static void bars(
      StringBuilder b,
      List<Double> edges,
      List<Long> counts,
      long total,
      LinearAxis x,
      LinearAxis y,
      String colour,
      String cssClass) {
    b.append("<g class=\"")
        .append(cssClass)
        .append("\" fill=\"")
        .append(colour)
        .append("\" stroke=\"")
        .append(colour)
        .append("\">");
    for (int i = 0; i < counts.size(); i++) {
      double top = y.map(share(counts.get(i), total));
      double left = x.map(edges.get(i));
      double right = x.map(edges.get(i + 1));
      b.append("<rect x=\"")
          .append(Svg.n(left))
          .append("\" y=\"")
          .append(Svg.n(top))
          .append("\" width=\"")
          .append(Svg.n(Math.max(0, right - left)))
          .append("\" height=\"")
          .append(Svg.n(Math.max(0, BOTTOM - top)))
          .append("\"/>");
    }
    b.append("</g>");
  }

  private static void legend(StringBuilder b, long members, long nonMembers) {
    double x = LEFT + 4;
    b.append("<g class=\"legend\">");
    b.append("<rect class=\"key\" x=\"")
        .append(Svg.n(x))
        .append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
        .append(MEMBER_COLOUR)
        .append("\"/>");
    b.append(Svg.text(x + 16, 18, "start", null, "members (" + Numbers.count(members) + ")"));
    b.append("<rect class=\"key\" x=\"")
        .append(Svg.n(x + 125))
        .append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
        .append(NON_MEMBER_COLOUR)
        .append("\"/>");
    b.append(
        Svg.text(x + 141, 18, "start", null, "non-members (" + Numbers.count(nonMembers) + ")"));
    b.append("</g>");
  }

  private static double share(Long count, long total) {
    return total == 0 || count == null ? 0 : (double) count / total;
  }
}
