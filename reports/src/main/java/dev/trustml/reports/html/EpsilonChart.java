package dev.trustml.reports.html;

import dev.trustml.reports.text.Numbers;
import dev.trustml.reports.text.Xml;
import dev.trustml.results.AttackResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Theoretical;
import java.util.ArrayList;
import java.util.List;

/**
 * Each attack's empirical lower bounds on epsilon against the claimed epsilon: its one-run bound
 * (filled dot when rigorous) and its split-half estimate (hollow dot). A lower bound is a one-sided
 * confidence interval [bound, infinity): the dot marks the bound and the band to its right the
 * interval. Only a rigorous bound right of the claimed-epsilon line refutes the claim (Jagielski et
 * al. 2020; Steinke, Nasr &amp; Jagielski 2023); an estimate there makes the model suspect.
 */
final class EpsilonChart {
  static final int WIDTH = 560;
  static final double LEFT = 150;
  static final double RIGHT = WIDTH - 24;
  static final double TOP = 34;
  static final double ROW = 30;
  static final String WARN = "#8A4B00";

  private EpsilonChart() {}

  /** One plotted figure. */
  private record Row(String label, EpsilonLowerBound bound, int colour) {}

  /** The chart, or null when no attack has a bound. */
  static String render(List<AttackResult> attacks, Theoretical claim) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < attacks.size(); i++) {
      AttackResult a = attacks.get(i);
      for (EpsilonLowerBound lb :
          new EpsilonLowerBound[] {a.epsilonLowerBound(), a.epsilonEstimate()}) {
        if (lb != null && Double.isFinite(lb.value())) {
          rows.add(new Row(a.name() + " (" + lb.rigor().jsonName() + ")", lb, i));
        }
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    double claimed =
        claim == null || !Double.isFinite(claim.epsilon()) ? Double.NaN : claim.epsilon();
    double max = Double.isNaN(claimed) ? 0 : claimed;
    for (Row r : rows) {
      max = Math.max(max, r.bound().value());
    }
    LinearAxis x = new LinearAxis(0, LinearAxis.niceMax(Math.max(1, max * 1.15)), LEFT, RIGHT);
    double bottom = TOP + ROW * rows.size();
    int height = (int) Math.ceil(bottom + 44);
    StringBuilder b = new StringBuilder();
    b.append(
        Svg.open(
            "epsilon",
            WIDTH,
            height,
            "Empirical lower bounds on epsilon, rigorous and estimated"
                + (Double.isNaN(claimed) ? "" : ", against the claimed epsilon " + claimed)));
    b.append("<g class=\"grid\">");
    for (double t : x.ticks(6)) {
      b.append(Svg.line(x.map(t), TOP - 6, x.map(t), bottom, "major"));
    }
    b.append("</g>");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      EpsilonLowerBound lb = row.bound();
      boolean rigorous = lb.rigor() == BoundRigor.RIGOROUS;
      double cy = TOP + ROW * i + ROW / 2;
      boolean exceeds = !Double.isNaN(claimed) && lb.value() > claimed;
      String colour = exceeds ? (rigorous ? Svg.BAD : WARN) : Svg.colour(row.colour());
      b.append("<g class=\"bound")
          .append(exceeds ? (rigorous ? " refutes" : " suspect") : "")
          .append("\">");
      b.append(Svg.text(LEFT - 10, cy + 4, "end", null, RocChart.shorten(row.label(), 22)));
      b.append("<rect class=\"interval\" x=\"")
          .append(Svg.n(x.map(lb.value())))
          .append("\" y=\"")
          .append(Svg.n(cy - 5))
          .append("\" width=\"")
          .append(Svg.n(Math.max(0, RIGHT - x.map(lb.value()))))
          .append("\" height=\"10\" fill=\"")
          .append(colour)
          .append("\"/>");
      b.append("<circle cx=\"")
          .append(Svg.n(x.map(lb.value())))
          .append("\" cy=\"")
          .append(Svg.n(cy))
          .append("\" r=\"6\" fill=\"")
          .append(rigorous ? colour : "#FFFFFF")
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\"><title>")
          .append(
              Xml.escape(
                  row.label()
                      + ": epsilon >= "
                      + Numbers.format(lb.value())
                      + " with "
                      + Numbers.format(lb.confidence() * 100)
                      + "% confidence ("
                      + lb.rigor().jsonName()
                      + ")"))
          .append("</title></circle>");
      b.append(
          Svg.text(
              Math.min(x.map(lb.value()) + 10, RIGHT - 4),
              cy - 9,
              x.map(lb.value()) + 10 > RIGHT - 90 ? "end" : "start",
              "value",
              "ε ≥ "
                  + Numbers.format(lb.value())
                  + " ("
                  + Numbers.format(lb.confidence() * 100)
                  + "%)"));
      b.append("</g>");
    }
    if (!Double.isNaN(claimed)) {
      double cx = x.map(claimed);
      b.append(Svg.line(cx, TOP - 10, cx, bottom + 2, "claim"));
      b.append(
          Svg.text(
              cx, TOP - 14, "middle", "claim-label", "claimed ε = " + Numbers.format(claimed)));
    }
    b.append("<g class=\"axis\">");
    b.append(Svg.line(LEFT, bottom, RIGHT, bottom, "frame"));
    for (double t : x.ticks(6)) {
      b.append(Svg.line(x.map(t), bottom, x.map(t), bottom + 6, "tick"));
      b.append(Svg.text(x.map(t), bottom + 20, "middle", "tick-label", Numbers.format(t)));
    }
    b.append(Svg.text((LEFT + RIGHT) / 2, bottom + 38, "middle", "axis-label", "ε"));
    b.append("</g></svg>");
    return b.toString();
  }
}
