package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.trustml.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TPR at fixed FPRs. Convention: the largest TPR among operating points whose FPR is at most the
 * target. In JSON an object keyed by the FPR: {@code {"0.1": 0.42, "0.01": 0.08, "0.001": 0.01}}.
 *
 * @param points one entry per target FPR, in the order asked
 */
public record TprAtFpr(List<Point> points) {
  /**
   * TPR at one FPR.
   *
   * @param fpr the target false-positive rate
   * @param tpr the true-positive rate achieved, NaN when there are too few non-members to measure
   * @param interval bootstrap interval of the TPR, or null
   */
  public record Point(double fpr, double tpr, Interval interval) {}

  public TprAtFpr {
    points = List.copyOf(points);
  }

  /** The TPR at {@code fpr}, or NaN when it was not measured. */
  public double at(double fpr) {
    for (Point p : points) {
      if (p.fpr() == fpr) {
        return p.tpr();
      }
    }
    return Double.NaN;
  }

  @JsonValue
  Map<String, Double> json() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Point p : points) {
      m.put(FprKey.of(p.fpr()), Double.isNaN(p.tpr()) ? null : p.tpr());
    }
    return m;
  }

  @JsonCreator
  static TprAtFpr fromJson(Map<String, Double> m) {
    List<Point> pts = new ArrayList<>();
    m.forEach(
        (k, v) -> pts.add(new Point(Double.parseDouble(k), v == null ? Double.NaN : v, null)));
    return new TprAtFpr(pts);
  }
}
