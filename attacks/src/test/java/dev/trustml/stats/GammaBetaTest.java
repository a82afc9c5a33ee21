package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Special functions against closed forms and reference values. Reference values: mpmath 1.3.0
 * ({@code loggamma}, {@code betainc(regularized=True)}) and scipy 1.17.1 ({@code
 * scipy.special.betainc/betaincc/betaincinv}, which wrap Boost.Math) where mpmath's series do not
 * converge (a, b of order 1e5..1e6).
 */
class GammaBetaTest {
  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, Math.abs(expected) * tolerance, () -> "expected " + expected);
  }

  @Test
  void logGammaMatchesFactorialsAndReferenceValues() {
    double logFactorial = 0;
    for (int n = 1; n <= 40; n++) {
      // ln Gamma(n) = ln (n-1)!
      assertEquals(logFactorial, Gamma.logGamma(n), 1e-13 * Math.max(1, logFactorial), "n=" + n);
      logFactorial += Math.log(n);
    }
    assertRelative(0.5723649429247001, Gamma.logGamma(0.5), 1e-15); // ln sqrt(pi)
    assertRelative(0.9854206469277671, Gamma.logGamma(1.0 / 3.0), 1e-14);
    assertRelative(13.940625219403763, Gamma.logGamma(10.5), 1e-15);
    assertRelative(359.1342053695754, Gamma.logGamma(100.0), 1e-15);
    assertRelative(12815504.569147611, Gamma.logGamma(1e6), 1e-15);
    assertRelative(1.428072326665388, Gamma.logGamma(3.7), 1e-14);
  }

  @Test
  void incompleteGammaClosedForms() {
    for (double x : new double[] {0.01, 0.5, 1.0, 2.0, 7.5, 40.0}) {
      // Q(1, x) = e^-x
      assertRelative(Math.exp(-x), Gamma.regularizedQ(1.0, x), 1e-14);
      // P(2, x) = 1 - (1 + x) e^-x
      assertEquals(-Math.expm1(-x) - x * Math.exp(-x), Gamma.regularizedP(2.0, x), 1e-14);
    }
  }

  @Test
  void incompleteBetaClosedForms() {
    for (double x : new double[] {1e-8, 0.001, 0.2, 0.5, 0.77, 0.999}) {
      for (double a : new double[] {0.3, 1.0, 2.5, 17.0, 300.0}) {
        // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b
        double xa = Math.pow(x, a);
        assertEquals(xa, Beta.regularized(x, a, 1.0), 1e-13 * xa);
        assertEquals(
            -Math.expm1(a * Math.log1p(-x)),
            Beta.regularized(x, 1.0, a),
            1e-13,
            "x=" + x + " b=" + a);
        // symmetry I_x(a, b) = 1 - I_{1-x}(b, a); xr is x rounded so that 1 - xr is exact
        double y = 1 - x;
        double xr = 1 - y;
        assertEquals(
            Beta.regularized(xr, a, 2.0),
            Beta.regularizedComplement(y, 2.0, a),
            1e-14 * Beta.regularized(xr, a, 2.0) + 1e-300);
      }
    }
  }

  @Test
  void incompleteBetaMatchesBinomialSums() {
    // P[Binomial(n, q) >= k] = I_q(k, n - k + 1), summed directly.
    int n = 30;
    double q = 0.37;
    for (int k = 1; k <= n; k++) {
      double direct = 0;
      for (int j = k; j <= n; j++) {
        direct += Math.exp(Binomial.logPmf(j, n, q));
      }
      assertEquals(direct, Binomial.upperTail(k, n, q), 1e-14 + 1e-12 * direct, "k=" + k);
    }
  }

  @Test
  void incompleteBetaMatchesReferenceValues() {
    assertRelative(0.5248, Beta.regularized(0.4, 2, 3), 1e-14);
    assertRelative(0.7968893362799451, Beta.regularized(0.3, 0.5, 2.5), 1e-14);
    assertRelative(0.9999999997283885, Beta.regularized(0.999, 30, 5), 1e-15);
    assertRelative(0.9963017821060463, Beta.regularized(1e-3, 0.2, 3000), 1e-14);
    // scipy: betainc / betaincc(5e5, 5e5, 0.5004)
    assertRelative(0.7881445805587959, Beta.regularized(0.5004, 5e5, 5e5), 1e-9);
    assertRelative(0.21185541944120068, Beta.regularizedComplement(0.5004, 5e5, 5e5), 1e-9);
    assertEquals(0.5, Beta.regularized(0.5, 5e5, 5e5), 1e-12);
    assertRelative(7.977595531357513e-09, Beta.regularizedComplement(0.01, 50, 1e4), 1e-11);
    assertRelative(0.0004993742578837302, Beta.regularizedComplement(1e-5, 2, 1e6), 1e-11);
  }

  @Test
  void inverseIncompleteBetaMatchesReferenceValues() {
    assertRelative(0.8129139715526015, Beta.inverseRegularized(0.975, 6, 5), 1e-13);
    assertRelative(0.18708602844739855, Beta.inverseRegularized(0.025, 5, 6), 1e-13);
    assertRelative(0.010540688188675816, Beta.inverseRegularized(0.995, 1, 500), 1e-13);
    assertRelative(0.0010417317733108068, Beta.inverseRegularized(0.9, 1001, 999001), 1e-10);
    assertRelative(8.176902951647604e-07, Beta.inverseRegularized(0.05, 3, 1e6), 1e-10);
  }

  @Test
  void tinyLowerQuantilesConverge() {
    // Far below any confidence level's 1 - c, but inside the function's contract. Newton steps
    // on I_x itself crawl there (x shrinks by 1 - 1/a per step) and 300 of them left x = 8e-142
    // instead of 1.2e-204 in the second case. Reference: mpmath 1.3.0 at 40 digits, findroot of
    // ln betainc(a, b, 0, e^u) = ln p (scipy 1.17.1's betaincinv is off in the first case).
    assertRelative(0.07969752460827778, Beta.inverseRegularized(1e-300, 300, 20), 1e-12);
    assertRelative(1.2089637420484539e-204, Beta.inverseRegularized(1e-300, 1.5, 1e4), 1e-12);
    assertRelative(3.976893970812762e-148, Beta.inverseRegularized(1e-280, 1.9, 1.1), 1e-12);
    assertRelative(6.103541998551343e-06, Beta.inverseRegularized(1e-200, 40, 9), 1e-12);
  }

  @Test
  void inverseRoundTrips() {
    double[][] shapes = {{0.5, 0.5}, {1, 1}, {2, 50}, {50, 2}, {0.2, 7}, {400, 600}, {3e4, 2e5}};
    for (double[] s : shapes) {
      for (double p : new double[] {1e-12, 1e-6, 0.025, 0.3, 0.5, 0.8, 0.975, 1 - 1e-6}) {
        double x = Beta.inverseRegularized(p, s[0], s[1]);
        double back =
            p > 0.5
                ? 1 - Beta.regularizedComplement(x, s[0], s[1])
                : Beta.regularized(x, s[0], s[1]);
        // x itself is only representable to ulp(x): allow for that through the density.
        double density = Math.exp(Beta.logKernel(x, s[0], s[1])) / (x * (1 - x));
        double tolerance = 1e-11 * Math.min(p, 1 - p) + 1e-15 + 2 * density * Math.ulp(x);
        assertEquals(p, back, tolerance, "a=" + s[0] + " b=" + s[1] + " p=" + p);
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Beta.regularized(1.5, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Beta.regularized(0.5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Gamma.logGamma(-1));
  }

  private static void assertRejected(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void badArgumentsAreNamedWithTheirValuesEvenWhereNoComputationIsNeeded() {
    String shape = "beta needs finite a > 0 and b > 0, got ";
    assertRejected(shape + "a=0.0 b=1.0", () -> Beta.regularized(0.5, 0, 1));
    assertRejected(shape + "a=1.0 b=0.0", () -> Beta.regularized(0.5, 1, 0));
    assertRejected(shape + "a=Infinity b=2.0", () -> Beta.logBeta(Double.POSITIVE_INFINITY, 2));
    assertRejected(shape + "a=2.0 b=Infinity", () -> Beta.logBeta(2, Double.POSITIVE_INFINITY));
    assertRejected(shape + "a=NaN b=2.0", () -> Beta.logBeta(Double.NaN, 2));
    // The end points x = 0, 1 and p = 0, 1 return without any computation: still checked.
    assertRejected(shape + "a=-1.0 b=2.0", () -> Beta.regularized(0.0, -1, 2));
    assertRejected(shape + "a=2.0 b=-1.0", () -> Beta.regularizedComplement(1.0, 2, -1));
    assertRejected(shape + "a=-1.0 b=2.0", () -> Beta.inverseRegularized(0.0, -1, 2));
    String x = "incomplete beta needs x in [0, 1], got ";
    assertRejected(x + "1.5", () -> Beta.regularized(1.5, 1, 1));
    assertRejected(x + "-0.1", () -> Beta.regularizedComplement(-0.1, 1, 1));
    assertRejected(x + "NaN", () -> Beta.regularized(Double.NaN, 1, 1));
    String p = "beta quantile needs p in [0, 1], got ";
    assertRejected(p + "1.5", () -> Beta.inverseRegularized(1.5, 2, 3));
    assertRejected(p + "-1.0E-300", () -> Beta.inverseRegularized(-1e-300, 2, 3));
    assertRejected(p + "NaN", () -> Beta.inverseRegularized(Double.NaN, 2, 3));

    assertRejected("logGamma needs x > 0, got 0.0", () -> Gamma.logGamma(0));
    assertRejected("logGamma needs x > 0, got NaN", () -> Gamma.logGamma(Double.NaN));
    String gamma = "incomplete gamma needs a > 0 and x >= 0, got ";
    assertRejected(gamma + "a=0.0 x=1.0", () -> Gamma.regularizedP(0, 1));
    assertRejected(gamma + "a=2.0 x=-1.0", () -> Gamma.regularizedQ(2, -1));
    // x = 0 returns without computation: still checked.
    assertRejected(gamma + "a=-1.0 x=0.0", () -> Gamma.regularizedP(-1, 0));
    assertRejected(gamma + "a=-1.0 x=0.0", () -> Gamma.regularizedQ(-1, 0));
    assertRejected(
        "stirlingCorrection needs x >= 15, got 14.0", () -> Gamma.stirlingCorrection(14));
  }

  @Test
  void endPointsAreExact() {
    double[][] shapes = {{0.5, 0.5}, {2, 3}, {1e5, 7}, {3e5, 2e5}};
    for (double[] s : shapes) {
      assertEquals(0.0, Beta.regularized(0.0, s[0], s[1]), 0.0);
      assertEquals(1.0, Beta.regularized(1.0, s[0], s[1]), 0.0);
      assertEquals(1.0, Beta.regularizedComplement(0.0, s[0], s[1]), 0.0);
      assertEquals(0.0, Beta.regularizedComplement(1.0, s[0], s[1]), 0.0);
      assertEquals(0.0, Beta.inverseRegularized(0.0, s[0], s[1]), 0.0);
      assertEquals(1.0, Beta.inverseRegularized(1.0, s[0], s[1]), 0.0);
    }
    for (double a : new double[] {0.5, 1, 30}) {
      assertEquals(0.0, Gamma.regularizedP(a, 0.0), 0.0);
      assertEquals(1.0, Gamma.regularizedQ(a, 0.0), 0.0);
    }
    assertEquals(Double.POSITIVE_INFINITY, Gamma.logGamma(Double.POSITIVE_INFINITY));
  }

  @Test
  void incompleteGammaAtOtherShapes() {
    // Closed form Q(3, x) = e^-x (1 + x + x^2/2) on both sides of the series / fraction switch at
    // x = a + 1, and Q(1/2, x) = erfc(sqrt x) and P(3.7, x) from mpmath 1.3.0 (gammainc).
    for (double x : new double[] {0.3, 2.0, 3.9, 4.1, 9.0, 30.0}) {
      double closed = Math.exp(-x) * (1 + x + 0.5 * x * x);
      assertRelative(closed, Gamma.regularizedQ(3, x), 1e-14);
      assertEquals(1 - closed, Gamma.regularizedP(3, x), 4e-15);
    }
    assertRelative(0.43857802608099986352, Gamma.regularizedQ(0.5, 0.3), 1e-14);
    assertRelative(0.045500263896358414401, Gamma.regularizedQ(0.5, 2.0), 1e-14);
    assertRelative(0.000022090496998585441373, Gamma.regularizedQ(0.5, 9.0), 1e-14);
    assertRelative(0.00059560696087240614506, Gamma.regularizedP(3.7, 0.3), 1e-14);
    assertRelative(0.1862746708890539506, Gamma.regularizedP(3.7, 2.0), 1e-14);
    assertRelative(0.8137253291109460494, Gamma.regularizedQ(3.7, 2.0), 1e-14);
    assertRelative(0.015185911655693935541, Gamma.regularizedQ(3.7, 9.0), 1e-14);
  }

  @Test
  void logBetaInEveryStirlingRegime() {
    // mpmath 1.3.0, log(beta(a, b)) at 40 digits: both shapes small, one at the switch (15),
    // one large, both large.
    assertRelative(-7.620705086838262, Beta.logBeta(15, 3), 1e-14);
    assertRelative(-7.620705086838262, Beta.logBeta(3, 15), 1e-14);
    assertRelative(-23.611320912892495, Beta.logBeta(20, 14.5), 1e-14);
    assertRelative(-20.874596601690644, Beta.logBeta(15, 15), 1e-14);
    assertRelative(-31.24416776360904, Beta.logBeta(3e5, 2.5), 1e-14);
    assertRelative(-1151746.0327277973, Beta.logBeta(1e6, 7e5), 1e-15);
  }

  @Test
  void upperQuantilesKeepTheDigitsOfTheirComplement() {
    // For p near 1, solving I_x = p directly would lose 1 - p to the rounding of I_x near 1; the
    // quantile solves 1 - I_x = 1 - p instead. 1 - p is exact here (Sterbenz), so the complement
    // at the returned x must match it to full relative precision. Reference quantiles: scipy
    // 1.17.1 betainccinv(3, 7, 1 - p) = 0.9883948613396167 for p = 1 - 1e-12 (1 - p =
    // 9.999778782798785e-13) and betainccinv(2, 50, 1 - p) = 0.37765608581455035 for p = 1 - 1e-9.
    double p = 1 - 1e-12;
    double x = Beta.inverseRegularized(p, 3, 7);
    assertRelative(0.9883948613396167, x, 1e-13);
    assertRelative(1 - p, Beta.regularizedComplement(x, 3, 7), 1e-11);
    double p2 = 1 - 1e-9;
    double y = Beta.inverseRegularized(p2, 2, 50);
    assertRelative(0.37765608581455035, y, 1e-13);
    assertRelative(1 - p2, Beta.regularizedComplement(y, 2, 50), 1e-11);
  }

  @Test
  void binomialAtTheEdgesOfItsSupportAndParameters() {
    // Outside the support the probability is 0; q = 0 and q = 1 are point masses at 0 and n.
    assertEquals(Double.NEGATIVE_INFINITY, Binomial.logPmf(-1, 5, 0.3));
    assertEquals(Double.NEGATIVE_INFINITY, Binomial.logPmf(6, 5, 0.3));
    assertEquals(Double.NEGATIVE_INFINITY, Binomial.logPmf(6, 5, Math.log(0.3), Math.log(0.7)));
    assertEquals(0.0, Binomial.logPmf(0, 5, 0.0), 0.0);
    assertEquals(Double.NEGATIVE_INFINITY, Binomial.logPmf(1, 5, 0.0));
    assertEquals(0.0, Binomial.logPmf(5, 5, 1.0), 0.0);
    assertEquals(0.0, Binomial.logPmf(0, 0, 0.3), 0.0);
    assertEquals(0.0, Binomial.upperTail(3, 10, 0.0), 0.0);
    assertEquals(1.0, Binomial.upperTail(3, 10, 1.0), 0.0);
    assertEquals(1.0, Binomial.upperTail(0, 0, 0.3), 0.0);
    assertEquals(0.0, Binomial.upperTail(11, 10, 0.3), 0.0);
    String message = "binomial needs n >= 0 and q in [0, 1], got ";
    assertRejected(message + "n=5 q=1.5", () -> Binomial.logPmf(2, 5, 1.5));
    assertRejected(message + "n=5 q=-0.5", () -> Binomial.logPmf(2, 5, -0.5));
    assertRejected(message + "n=-1 q=0.5", () -> Binomial.upperTail(0, -1, 0.5));
    assertRejected(message + "n=5 q=NaN", () -> Binomial.upperTail(9, 5, Double.NaN));
  }
}
