package dev.trustml.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Differentially private partition selection ("set union") with Laplace noise and a threshold:
 * release the keys (here: words) that enough rows hold, without releasing a key only one row holds
 * except with a small probability delta. Korolova, Kenthapadi, Mishra &amp; Ntoulas 2009
 * ("Releasing search queries and clicks privately", Sec. 4); Gopi, Gulhane, Kulkarni, Shen,
 * Shokouhi &amp; Yekhanin 2020 ("Differentially private set union", Sec. 3, the Laplace "weighted"
 * baseline with unit weights); Desfontaines, Voss, Gipson &amp; Mandayam 2022 ("Differentially
 * private partition selection", Sec. 2, which also gives the optimal - slightly better - rule).
 *
 * <h2>Mechanism</h2>
 *
 * Each row contributes a set of at most K distinct keys, chosen from the row alone (the caller's
 * job; {@link #select} refuses a larger set). For every key w held by at least one row, with c(w)
 * the number of rows holding it, draw L(w) ~ Laplace(b) independently, b = K / epsilon, and release
 * w with its noisy count c(w) + L(w) when that exceeds the threshold
 *
 * <pre>  T = 1 + b * (epsilon + ln(K / (2 delta)))      (at least 1)</pre>
 *
 * <h2>Why it is (epsilon, delta)-DP (add/remove one row)</h2>
 *
 * Let D' = D plus a row r with key set S, |S| &lt;= K. Split S into S_old (keys some row of D
 * holds: their counts grow by 1) and S_new (keys only r holds: count 1 in D', never considered in
 * D). Keys outside S have the same count and the same independent noise in both.
 *
 * <ol>
 *   <li>S_old: the noisy counts of the keys of S_old are a Laplace mechanism on a vector whose L1
 *       distance between D and D' is |S_old| &lt;= K, so their joint density ratio is at most exp(K
 *       / b) = e^epsilon (Dwork &amp; Roth 2014, Theorem 3.6), for any event, both ways; the
 *       release decision and the released counts are post-processing of them.
 *   <li>S_new: under D none of them is ever released. Under D' one is released with probability P[1
 *       + L &gt; T] = (1/2) exp(-(T - 1) / b) (Laplace tail, T &gt;= 1), so some key of S_new is
 *       released with probability at most p_new = K * (1/2) exp(-(T - 1) / b) (union bound).
 * </ol>
 *
 * For an output set O, write A for the released keys outside S_new and B for those in S_new (B is
 * empty under D, and independent of A under D').
 *
 * <ul>
 *   <li>Add direction: P_D'[O] &lt;= P_D'[A in O_empty] + P_D'[B non-empty] &lt;= e^epsilon P_D[O]
 *       + p_new, where O_empty = {A : (A, empty) in O}.
 *   <li>Remove direction: P_D[O] = P_D[A in O_empty] &lt;= e^epsilon P_D'[A in O_empty] &lt;=
 *       e^epsilon (P_D'[O] + p_new). Here p_new is multiplied by e^epsilon: the additive term of
 *       this direction is e^epsilon * p_new.
 * </ul>
 *
 * So the mechanism is (epsilon, e^epsilon * p_new)-DP. Setting e^epsilon * K * (1/2) exp(-(T - 1) /
 * b) = delta and solving gives the threshold above: T = 1 + b ln(K e^epsilon / (2 delta)). A larger
 * T (the clamp at 1) only lowers p_new. Composition with other mechanisms on the same rows is the
 * caller's (basic composition: epsilons and deltas add).
 *
 * <p>Limits: the noise is drawn with floating-point arithmetic from a seeded {@link
 * SplittableRandom} (Mironov 2012 shows textbook floating-point Laplace samplers leak through their
 * low bits); the seed must stay secret, as for DP-SGD's noise.
 */
public final class LaplacePartitionSelection {
  private final double epsilon;
  private final double delta;
  private final int maxKeysPerRow;

  /** A released key and its noisy count. */
  public record Released(String key, double noisyCount) {}

  /**
   * @param epsilon &gt; 0
   * @param delta in (0, 1)
   * @param maxKeysPerRow K &gt;= 1: the most distinct keys one row may contribute
   */
  public LaplacePartitionSelection(double epsilon, double delta, int maxKeysPerRow) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (maxKeysPerRow < 1) {
      throw new IllegalArgumentException("keys per row must be >= 1, got " + maxKeysPerRow);
    }
    this.epsilon = epsilon;
    this.delta = delta;
    this.maxKeysPerRow = maxKeysPerRow;
  }

  /** The Laplace scale b = K / epsilon. */
  public double scale() {
    return maxKeysPerRow / epsilon;
  }

  /** The threshold T = max(1, 1 + b (epsilon + ln(K / (2 delta)))). */
  public double threshold() {
    double t = 1 + scale() * (epsilon + Math.log(maxKeysPerRow / (2 * delta)));
    return Math.max(1, t);
  }

  /**
   * P[c + Laplace(b) &gt; T]: the probability that a key held by {@code count} rows is released.
   */
  public double releaseProbability(long count) {
    double z = (threshold() - count) / scale();
    return z >= 0 ? 0.5 * Math.exp(-z) : 1 - 0.5 * Math.exp(z);
  }

  /**
   * The delta this mechanism actually guarantees: e^epsilon * K * P[a key held by one row is
   * released] (at most the delta asked for).
   */
  public double achievedDelta() {
    return Math.exp(epsilon) * maxKeysPerRow * releaseProbability(1);
  }

  public double epsilon() {
    return epsilon;
  }

  public double delta() {
    return delta;
  }

  public int maxKeysPerRow() {
    return maxKeysPerRow;
  }

  /**
   * Runs the mechanism.
   *
   * @param rows each row's set of keys (at most K each)
   * @param random the noise stream (seeded; keys are visited in sorted order, so the result does
   *     not depend on row order or hash order)
   * @return the released keys, largest noisy count first (ties: key order)
   * @throws IllegalArgumentException if a row has more than K keys
   */
  public List<Released> select(List<? extends Collection<String>> rows, SplittableRandom random) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Collection<String> keys : rows) {
      if (keys.size() > maxKeysPerRow) {
        throw new IllegalArgumentException(
            "a row contributes " + keys.size() + " keys, more than the bound " + maxKeysPerRow);
      }
      for (String k : keys) {
        counts.merge(k, 1, Integer::sum);
      }
    }
    double b = scale();
    double t = threshold();
    List<Released> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double noisy = e.getValue() + laplace(b, random);
      if (noisy > t) {
        out.add(new Released(e.getKey(), noisy));
      }
    }
    out.sort(
        Comparator.comparingDouble(Released::noisyCount).reversed().thenComparing(Released::key));
    return out;
  }

  /** Laplace(0, b) by inversion of the CDF from one uniform draw in (-1/2, 1/2). */
  static double laplace(double b, SplittableRandom random) {
    double u = random.nextDouble() - 0.5;
    // 1 - 2|u| is in (0, 1]; log1p keeps precision near the centre.
    return -b * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
  }
}
