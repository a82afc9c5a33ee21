package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Log-space normal tail against tabulated values and the asymptotic series. */
class GaussianTest {

  @Test
  void survivalMatchesStandardNormalTable() {
    // Upper-tail probabilities Q(t) of the standard normal (Abramowitz & Stegun 26.2; same values
    // as scipy.stats.norm.sf and 0.5*math.erfc(t/sqrt(2)) in Python to ~1e-15).
    double[][] table = {
      {0.0, 0.5},
      {1.0, 0.15865525393145707},
      {2.0, 0.022750131948179195},
      {3.0, 0.0013498980316301},
      {5.0, 2.866515718791939e-7},
      {10.0, 7.619853024160527e-24},
      {-1.0, 0.8413447460685429},
      {-3.0, 0.9986501019683699},
    };
    for (double[] entry : table) {
      assertEquals(Math.log(entry[1]), Gaussian.logSurvival(entry[0]), 1e-13, "t=" + entry[0]);
    }
  }

  @Test
  void farTailFollowsAsymptoticSeries() {
    // Q(t) = phi(t)/t * (1 - 1/t^2 + 3/t^4 - 15/t^6 + 105/t^8 - ...), the truncation error being
    // below the next term 945/t^10 (Abramowitz & Stegun 26.2.12).
    for (double t : new double[] {40, 100, 1e3, 1e5}) {
      double u = 1.0 / (t * t);
      double series = 1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u)));
      double expected = -0.5 * t * t - Math.log(t) - 0.5 * Math.log(2 * Math.PI) + Math.log(series);
      assertEquals(expected, Gaussian.logSurvival(t), 1e-13 * Math.abs(expected), "t=" + t);
    }
  }

  @Test
  void survivalIsMonotoneAndBounded() {
    double previous = 0.0;
    for (double t = -40; t <= 400; t += 0.01) {
      double v = Gaussian.logSurvival(t);
      assertTrue(v <= previous && v <= 0.0 && Double.isFinite(v), "t=" + t);
      previous = v;
    }
    assertEquals(0.0, Gaussian.logSurvival(-40), 0.0);
  }

  @Test
  void densityMatchesClosedForm() {
    assertEquals(-0.5 * Math.log(2 * Math.PI), Gaussian.logDensity(3, 3, 1), 1e-15);
    assertEquals(
        -0.5 * 4 - Math.log(0.5) - 0.5 * Math.log(2 * Math.PI),
        Gaussian.logDensity(2, 1, 0.5),
        1e-15);
  }
}
