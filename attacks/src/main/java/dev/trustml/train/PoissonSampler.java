package dev.trustml.train;

import java.util.SplittableRandom;

/**
 * Poisson sampling for DP-SGD: every example joins a step's batch independently with probability q,
 * so the batch size is Binomial(N, q) (Abadi et al. 2016, Sec. 3.1; the sampling the RDP and PLD
 * accountants assume). Instead of N coin flips per step it jumps from one selected example to the
 * next: the number of skipped examples is Geometric(q), drawn by inversion as floor(ln U / ln(1 -
 * q)) with U uniform in (0, 1], since P(skip &gt;= s) = P(U &lt;= (1-q)^s) = (1-q)^s - the same law
 * as independent coin flips, at O(q N) cost per step.
 */
final class PoissonSampler {
  private final int n;
  private final double q;
  private final double logOneMinusQ;
  private final SplittableRandom random;
  private int[] batch;

  PoissonSampler(int n, double q, SplittableRandom random) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1]");
    }
    this.n = n;
    this.q = q;
    this.logOneMinusQ = Math.log1p(-q);
    this.random = random;
    this.batch = new int[Math.max(16, (int) Math.min(n, 2 * q * n + 16))];
  }

  /** Draws the next batch; its indices are {@code batch()[0 .. returned size)}, ascending. */
  int next() {
    int size = 0;
    if (q == 1) {
      ensure(n);
      for (int i = 0; i < n; i++) {
        batch[i] = i;
      }
      return n;
    }
    long i = -1;
    while (true) {
      double u = 1.0 - random.nextDouble(); // (0, 1]
      double skip = Math.floor(Math.log(u) / logOneMinusQ);
      if (i + 1 + skip >= n) {
        return size;
      }
      i += 1 + (long) skip;
      ensure(size + 1);
      batch[size++] = (int) i;
    }
  }

  int[] batch() {
    return batch;
  }

  private void ensure(int size) {
    if (size > batch.length) {
      batch = java.util.Arrays.copyOf(batch, Math.max(size, batch.length * 2));
    }
  }
}
