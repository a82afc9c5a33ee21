package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.stats.Normal;
import dev.trustml.stats.NormalTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkewNormalTest {

  /** Phi(z) reference values (stan-dev/math), shared with the normal distribution's tests. */
  static final double[][] PHI = NormalTest.PHI;

  /**
   * Owen's T reference values of Patefield &amp; Tandy (2000) as listed in JuliaStats/StatsFuns.jl
   * test/owens_t.jl ("Owen's T value checks"), {h, a, T(h, a)}.
   */
  static final double[][] OWENS_T = {
    {0.0625, 0.25, 0.0389119302347013668966224771378},
    {6.5, 0.4375, 2.00057730485083154100907167685e-11},
    {7.0, 0.96875, 6.399062719389853083219914429e-13},
    {4.78125, 0.0625, 1.06329748046874638058307112826e-7},
    {2.0, 0.5, 0.00862507798552150713113488319155},
    {1.0, 0.9999975, 0.0667418089782285927715589822405},
    {1, 0.5, 0.04306469112078537},
    {1, 1, 0.06674188216570097},
    {1, 2, 0.0784681869930841},
    {1, 3, 0.0792995047488726},
    {0.5, 3, 0.1510840430760184},
    {0.125, 2, 0.1737438887583106},
    {0.0078125, 10, 0.2340886964802671},
    {0.0078125, 100, 0.2479460829231492},
    {2.5, 0.999999999999999, 0.0030855526911589942124216949767707430484322201889568086810922629},
    {7.33, 0.999999999999999, 5.7538182971139187466647478665179637676531179007295252996453e-14},
  };

  @Test
  void owensTMatchesPatefieldTandyValues() {
    for (double[] row : OWENS_T) {
      double t = SkewNormal.owensT(row[0], row[1]);
      double tolerance = Math.max(1e-15, 1e-10 * row[2]);
      assertEquals(row[2], t, tolerance, "T(" + row[0] + ", " + row[1] + ")");
      assertEquals(t, SkewNormal.owensT(-row[0], row[1]), 0, "T is even in h");
      assertEquals(-t, SkewNormal.owensT(row[0], -row[1]), 0, "T is odd in a");
    }
  }

  @Test
  void owensTSpecialCases() {
    for (double a : new double[] {0.1, 0.5, 1, 2, 5, 50}) {
      // T(0, a) = arctan(a) / (2 pi)
      assertEquals(Math.atan(a) / (2 * Math.PI), SkewNormal.owensT(0, a), 1e-15, "a=" + a);
    }
    for (double h : new double[] {0.5, 1, 2, 3}) {
      // T(h, 1) = Phi(h) (1 - Phi(h)) / 2
      double p = Normal.cdf(h);
      assertEquals(0.5 * p * (1 - p), SkewNormal.owensT(h, 1), 1e-15, "h=" + h);
      // T(h, inf) = (1 - Phi(|h|)) / 2
      assertEquals(0.5 * (1 - p), SkewNormal.owensT(h, Double.POSITIVE_INFINITY), 1e-15);
    }
  }

  @Test
  void shapeZeroIsTheNormalDistribution() {
    SkewNormal sn = new SkewNormal(1.5, 2, 0);
    for (double[] row : PHI) {
      double x = 1.5 + 2 * row[0];
      assertEquals(row[1], sn.cdf(x), 2e-14 * Math.max(row[1], 1e-300), "x=" + x);
      assertEquals(Math.log(row[1]), sn.logCdf(x), 1e-10, "log x=" + x);
    }
    assertEquals(Normal.pdf(0.25) / 2, sn.pdf(2), 1e-15);
  }

  @Test
  void cdfAtLocationIsHalfMinusArctanOverPi() {
    // F(xi; alpha) = Phi(0) - 2 T(0, alpha) = 1/2 - arctan(alpha) / pi.
    for (double alpha : new double[] {-20, -5, -1, -0.3, 0, 0.5, 1, 3, 20}) {
      SkewNormal sn = new SkewNormal(-4, 0.7, alpha);
      assertEquals(0.5 - Math.atan(alpha) / Math.PI, sn.cdf(-4), 1e-14, "alpha=" + alpha);
    }
  }

  @Test
  void shapePlusMinusOneAreMaxAndMinOfTwoNormals() {
    // SN(alpha=1) is the max of two iid N(0,1): F = Phi(z)^2; alpha=-1 the min: F = 1-Phi(-z)^2.
    SkewNormal max = new SkewNormal(0, 1, 1);
    SkewNormal min = new SkewNormal(0, 1, -1);
    for (double z = -4; z <= 4; z += 0.25) {
      double p = Normal.cdf(z);
      double q = Normal.cdf(-z);
      assertEquals(p * p, max.cdf(z), 1e-14, "max z=" + z);
      assertEquals(1 - q * q, min.cdf(z), 1e-14, "min z=" + z);
    }
  }

  @Test
  void logCdfStaysAccurateDeepInTheLowerTail() {
    // Here Phi(z) - 2T(z, 1) cancels completely; the exact answer is 2 ln Phi(z) (reference PHI).
    SkewNormal max = new SkewNormal(3, 0.5, 1);
    SkewNormal min = new SkewNormal(3, 0.5, -1);
    for (double[] row : PHI) {
      if (row[0] > -2.5) {
        continue;
      }
      double x = 3 + 0.5 * row[0];
      double lnPhi = Math.log(row[1]);
      assertEquals(2 * lnPhi, max.logCdf(x), 1e-9 * Math.abs(lnPhi), "alpha=1 z=" + row[0]);
      // 1 - (1 - Phi)^2 = 2 Phi - Phi^2
      double expectedMin = lnPhi + Math.log(2 - row[1]);
      assertEquals(expectedMin, min.logCdf(x), 1e-9 * Math.abs(lnPhi), "alpha=-1 z=" + row[0]);
    }
  }

  @Test
  void tailIntegrationAgreesWithOwensTWhereBothAreAccurate() {
    for (double alpha : new double[] {-4, -1, 0.5, 3, 10}) {
      SkewNormal sn = new SkewNormal(0, 1, alpha);
      for (double x = -1.5; x >= -3.5; x -= 0.5) {
        double owen = sn.cdf(x);
        if (owen < 1e-7 || owen > 0.05) {
          continue;
        }
        assertEquals(
            Math.log(owen), sn.logLowerTailByIntegration(x), 1e-8, "alpha=" + alpha + " x=" + x);
      }
    }
  }

  @Test
  void cdfDifferencesEqualTheIntegralOfThePdf() {
    SkewNormal sn = new SkewNormal(1, 2, 4);
    double[] xs = {-1, 0.5, 1, 2, 4, 9};
    for (int i = 0; i + 1 < xs.length; i++) {
      double integral = Quadrature.adaptiveSimpson(sn::pdf, xs[i], xs[i + 1], 1e-14);
      assertEquals(integral, sn.cdf(xs[i + 1]) - sn.cdf(xs[i]), 1e-12);
    }
    assertEquals(1, sn.cdf(40), 1e-15);
    assertEquals(0, sn.cdf(-40), 1e-15);
  }

  @Test
  void sampleMomentsMatchTheClosedForms() {
    // Mean, variance and skewness formulas of Azzalini (1985); the sampler is checked with them.
    SkewNormal sn = new SkewNormal(2, 1.5, 4);
    SplittableRandom random = new SplittableRandom(11);
    int n = 200_000;
    double[] xs = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      xs[i] = sn.sample(random);
      mean += xs[i] / n;
    }
    double m2 = 0;
    double m3 = 0;
    for (double x : xs) {
      m2 += (x - mean) * (x - mean) / n;
      m3 += Math.pow(x - mean, 3) / n;
    }
    double sd = Math.sqrt(sn.variance());
    // 5 standard errors: sd/sqrt(n) for the mean; roughly sd^2*sqrt(2/n)... for the others.
    assertEquals(sn.mean(), mean, 5 * sd / Math.sqrt(n));
    assertEquals(sn.variance(), m2, 5 * sn.variance() * Math.sqrt(2.0 / n) * 1.5);
    assertEquals(sn.skewness(), m3 / Math.pow(m2, 1.5), 5 * Math.sqrt(6.0 / n) * 1.5);
    // Closed forms at alpha = 4: delta = 4/sqrt(17).
    double delta = 4 / Math.sqrt(17);
    assertEquals(2 + 1.5 * delta * Math.sqrt(2 / Math.PI), sn.mean(), 1e-15);
    assertTrue(sn.skewness() > 0 && sn.skewness() < 0.9953);
  }
}
