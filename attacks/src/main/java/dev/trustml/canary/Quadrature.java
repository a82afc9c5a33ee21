package dev.trustml.canary;

import java.util.function.DoubleUnaryOperator;

/** Adaptive Simpson integration for the smooth, bounded integrands of the skew-normal CDF. */
final class Quadrature {
  private static final int MAX_DEPTH = 30;

  private Quadrature() {}

  /** Integral of f over [a, b] to roughly {@code absTol} absolute error. */
  static double adaptiveSimpson(DoubleUnaryOperator f, double a, double b, double absTol) {
    double fa = f.applyAsDouble(a);
    double fb = f.applyAsDouble(b);
    double m = 0.5 * (a + b);
    double fm = f.applyAsDouble(m);
    double whole = (b - a) / 6 * (fa + 4 * fm + fb);
    return refine(f, a, b, fa, fm, fb, whole, absTol, MAX_DEPTH);
  }

  private static double refine(
      DoubleUnaryOperator f,
      double a,
      double b,
      double fa,
      double fm,
      double fb,
      double whole,
      double tol,
      int depth) {
    double m = 0.5 * (a + b);
    double lm = 0.5 * (a + m);
    double rm = 0.5 * (m + b);
    double flm = f.applyAsDouble(lm);
    double frm = f.applyAsDouble(rm);
    double left = (m - a) / 6 * (fa + 4 * flm + fm);
    double right = (b - m) / 6 * (fm + 4 * frm + fb);
    double delta = left + right - whole;
    // The second test stops refinement once the correction is at rounding level for this panel,
    // so a tolerance below double precision cannot force a full-depth recursion.
    if (depth <= 0
        || Math.abs(delta) <= 15 * tol
        || Math.abs(delta) <= 1e-15 * Math.abs(left + right)) {
      return left + right + delta / 15;
    }
    return refine(f, a, m, fa, flm, fm, left, tol / 2, depth - 1)
        + refine(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
  }
}
