package dev.trustml.audit;

import dev.trustml.results.ScoreHistogram;
import java.util.ArrayList;
import java.util.List;

/** Member vs non-member score counts over shared bins, for the report's plots. */
final class ScoreHistograms {
  private ScoreHistograms() {}

  /**
   * Bins between the 0.5% and 99.5% quantiles of all scores (so one extreme score does not squash
   * the plot); scores outside fall into the end bins.
   */
  static ScoreHistogram of(double[] scores, boolean[] isMember, int bins) {
    double[] finite = java.util.Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return new ScoreHistogram(List.of(0.0, 1.0), List.of(0L), List.of(0L));
    }
    double lo = finite[(int) Math.floor(0.005 * (finite.length - 1))];
    double hi = finite[(int) Math.ceil(0.995 * (finite.length - 1))];
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    long[] m = new long[bins];
    long[] n = new long[bins];
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      int b;
      if (Double.isNaN(s)) {
        continue;
      } else if (s <= lo) {
        b = 0;
      } else if (s >= hi) {
        b = bins - 1;
      } else {
        b = Math.min(bins - 1, (int) ((s - lo) / (hi - lo) * bins));
      }
      if (isMember[i]) {
        m[b]++;
      } else {
        n[b]++;
      }
    }
    List<Double> edges = new ArrayList<>();
    for (int b = 0; b <= bins; b++) {
      edges.add(lo + (hi - lo) * b / bins);
    }
    List<Long> ml = new ArrayList<>();
    List<Long> nl = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      ml.add(m[b]);
      nl.add(n[b]);
    }
    return new ScoreHistogram(edges, ml, nl);
  }
}
