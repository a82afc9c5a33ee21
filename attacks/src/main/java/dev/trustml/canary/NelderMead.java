package dev.trustml.canary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimiser (Nelder &amp; Mead 1965, standard coefficients 1, 2, 1/2, 1/2) for the
 * three-parameter skew-normal likelihood, where analytic gradients buy little.
 */
final class NelderMead {
  private NelderMead() {}

  /**
   * Minimises {@code f} from {@code start} with initial simplex offsets {@code steps}; stops when
   * the simplex's function values agree to {@code tolerance} or after {@code maxEvaluations}.
   */
  static double[] minimise(
      ToDoubleFunction<double[]> f,
      double[] start,
      double[] steps,
      double tolerance,
      int maxEvaluations) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      simplex[i + 1] = start.clone();
      simplex[i + 1][i] += steps[i];
    }
    int evaluations = 0;
    for (int i = 0; i <= n; i++) {
      values[i] = f.applyAsDouble(simplex[i]);
      evaluations++;
    }
    Integer[] order = new Integer[n + 1];
    while (evaluations < maxEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] v = values;
      Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
      double[][] sortedSimplex = new double[n + 1][];
      double[] sortedValues = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sortedSimplex[i] = simplex[order[i]];
        sortedValues[i] = values[order[i]];
      }
      simplex = sortedSimplex;
      values = sortedValues;
      if (Math.abs(values[n] - values[0]) <= tolerance * (1 + Math.abs(values[0]))) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = move(centroid, simplex[n], -1);
      double fr = f.applyAsDouble(reflected);
      evaluations++;
      if (fr < values[0]) {
        double[] expanded = move(centroid, simplex[n], -2);
        double fe = f.applyAsDouble(expanded);
        evaluations++;
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        boolean outside = fr < values[n];
        double[] contracted = move(centroid, outside ? reflected : simplex[n], 0.5);
        double fc = f.applyAsDouble(contracted);
        evaluations++;
        if (fc < Math.min(fr, values[n])) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = move(simplex[0], simplex[i], 0.5);
            values[i] = f.applyAsDouble(simplex[i]);
            evaluations++;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return simplex[best];
  }

  /** centroid + t * (point - centroid). */
  private static double[] move(double[] centroid, double[] point, double t) {
    double[] out = new double[centroid.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = centroid[j] + t * (point[j] - centroid[j]);
    }
    return out;
  }
}
