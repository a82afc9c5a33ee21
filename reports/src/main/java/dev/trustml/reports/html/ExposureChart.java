package dev.trustml.reports.html;

import dev.trustml.reports.text.Numbers;
import dev.trustml.results.CanaryFinding;
import java.util.List;

/**
 * Each canary's exposure against its maximum log2 |R| (Carlini et al. 2019, "The Secret Sharer"): a
 * full bar means the secret ranks first among all candidates, i.e. the model gives it away.
 */
final class ExposureChart {
  static final int WIDTH = 560;
  static final double LEFT = 120;
  static final double RIGHT = WIDTH - 24;
  static final double TOP = 12;
  static final double ROW = 30;

  private ExposureChart() {}

  static String render(List<CanaryFinding> canaries) {
    if (canaries.isEmpty()) {
      return null;
    }
    double max = 1;
    for (CanaryFinding f : canaries) {
      max = Math.max(max, log2(f.candidates()));
    }
    LinearAxis x = new LinearAxis(0, LinearAxis.niceMax(max), LEFT, RIGHT);
    double bottom = TOP + ROW * canaries.size();
    int height = (int) Math.ceil(bottom + 44);
    StringBuilder b = new StringBuilder();
    b.append(Svg.open("exposure", WIDTH, height, "Exposure of each canary in bits"));
    for (int i = 0; i < canaries.size(); i++) {
      CanaryFinding f = canaries.get(i);
      double cy = TOP + ROW * i + ROW / 2;
      boolean extrapolated = f.exposureBits() == null && f.extrapolatedExposureBits() != null;
      Double value = f.exposureBits() != null ? f.exposureBits() : f.extrapolatedExposureBits();
      boolean extracted = Boolean.TRUE.equals(f.extracted());
      b.append("<g class=\"canary")
          .append(extracted ? " extracted" : "")
          .append(extrapolated ? " extrapolated" : "")
          .append("\">");
      b.append(Svg.text(LEFT - 10, cy + 4, "end", null, RocChart.shorten(f.id(), 16)));
      b.append("<rect class=\"capacity\" x=\"")
          .append(Svg.n(LEFT))
          .append("\" y=\"")
          .append(Svg.n(cy - 8))
          .append("\" width=\"")
          .append(Svg.n(x.map(log2(f.candidates())) - LEFT))
          .append("\" height=\"16\"/>");
      if (value == null || value.isNaN()) {
        b.append(Svg.text(LEFT + 6, cy + 4, "start", "bar-label", "not measured"));
      } else {
        double end = Math.max(LEFT, x.map(value));
        b.append("<rect class=\"level\" x=\"")
            .append(Svg.n(LEFT))
            .append("\" y=\"")
            .append(Svg.n(cy - 8))
            .append("\" width=\"")
            .append(Svg.n(end - LEFT))
            .append("\" height=\"16\" fill=\"")
            .append(extracted ? Svg.BAD : Svg.colour(0))
            .append("\"/>");
        String label =
            (extrapolated ? "≈" : "")
                + Numbers.format(value)
                + " of "
                + Numbers.format(log2(f.candidates()))
                + " bits";
        // Beside the bar when there is room, else inside it in white.
        if (end + 160 < RIGHT) {
          b.append(Svg.text(end + 6, cy + 4, "start", "bar-label", label));
        } else {
          b.append(Svg.text(end - 6, cy + 4, "end", "bar-label inside", label));
        }
      }
      b.append("</g>");
    }
    b.append("<g class=\"axis\">");
    b.append(Svg.line(LEFT, bottom, RIGHT, bottom, "frame"));
    for (double t : x.ticks(6)) {
      b.append(Svg.line(x.map(t), bottom, x.map(t), bottom + 6, "tick"));
      b.append(Svg.text(x.map(t), bottom + 20, "middle", "tick-label", Numbers.format(t)));
    }
    b.append(Svg.text((LEFT + RIGHT) / 2, bottom + 38, "middle", "axis-label", "exposure (bits)"));
    b.append("</g></svg>");
    return b.toString();
  }

  static double log2(long n) {
    return Math.log(n) / Math.log(2);
  }
}
