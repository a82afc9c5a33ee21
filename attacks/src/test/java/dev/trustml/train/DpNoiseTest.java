package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.model.TextClassifierWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The noise DP-SGD adds must have the law of Abadi et al. 2016, Alg. 1: each step moves every
 * coordinate by -lr * N(0, sigma^2 C^2) / (qN) on top of the clipped gradient, so after T steps
 * with zero gradient a coordinate has moved by N(0, T (lr sigma C / (qN))^2). Checked by chi-square
 * z-scores (|z| &lt; 5 has probability &gt; 1 - 1e-6 under the right law).
 */
class DpNoiseTest {

  /**
   * Examples without any token pool to the zero vector, so the gradients of the embedding and of W1
   * (= d1 a0^T with a0 = 0) are exactly zero: those weights move by noise alone.
   */
  @Test
  void embeddingAndW1MoveByExactlyTheNoiseLawWhenGradientsAreZero() throws Exception {
    for (EmbeddingNoise mode : EmbeddingNoise.values()) {
      int n = 40;
      List<TokenizedExample> empty = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        empty.add(new TokenizedExample(new long[] {0, 0}, i % 2));
      }
      TrainingSet data = new TrainingSet(400, 2, empty);
      double lr = 0.3;
      double sigma = 1.7;
      double c = 0.6;
      double q = 0.25;
      long steps = 9;
      TrainingConfig config =
          TrainingConfig.builder()
              .embeddingDim(16)
              .hiddenDim(8)
              .learningRate(lr)
              .seed(5)
              .dpSgd(new DpSgdConfig(q, sigma, c, steps))
              .embeddingNoise(mode)
              .build();
      TextClassifierWeights before = Trainer.initialWeights(data, config);
      TextClassifierWeights after = Trainer.train(data, config).weights();
      double stepStd = lr * sigma * c / (q * n);
      double variance = steps * stepStd * stepStd;

      double sum = 0;
      double sumSq = 0;
      int d = 16;
      for (int i = d; i < before.embedding().length; i++) {
        double x = (double) after.embedding()[i] - before.embedding()[i];
        sum += x;
        sumSq += x * x;
      }
      long m = before.embedding().length - d;
      double z = TrainTestData.chiSquareZ(sumSq, m, variance);
      assertTrue(Math.abs(z) < 5, mode + ": embedding noise variance off, z=" + z);
      assertTrue(Math.abs(sum / Math.sqrt(m * variance)) < 5, mode + ": embedding noise mean");
      for (int j = 0; j < d; j++) {
        assertEquals(0f, after.embedding()[j], "padding row stays zero");
      }

      double w1Sq = 0;
      for (int i = 0; i < before.w1().length; i++) {
        double x = (double) after.w1()[i] - before.w1()[i];
        w1Sq += x * x;
      }
      double zw = TrainTestData.chiSquareZ(w1Sq, before.w1().length, variance);
      assertTrue(Math.abs(zw) < 5, mode + ": W1 noise variance off, z=" + zw);
    }
  }

  /**
   * The lazy scheme's ordering: a row read before step t (0-based) must carry the noise of steps
   * 0..t-1 - variance t s^2 - and not yet that of step t; after the end, all T steps.
   */
  @Test
  void lazyRowHoldsExactlyTheNoiseOfEarlierStepsWhenRead() {
    int rows = 3001;
    int width = 8;
    double s = 0.7;
    long steps = 6;
    LazyRowNoise noise =
        new LazyRowNoise(rows, width, s, NoiseSource.gaussian(new SplittableRandom(3)));
    double[] emb = new double[rows * width];
    // Row r is read first before step r % steps, then again before step steps - 1.
    double[] sumSqFirst = new double[(int) steps];
    long[] countFirst = new long[(int) steps];
    double sumSqIncrement = 0;
    long countIncrement = 0;
    for (int r = 1; r < rows; r++) {
      long t1 = r % steps;
      noise.catchUp(emb, r, t1);
      noise.catchUp(emb, r, t1); // a second read in the same step adds nothing
      double[] first = new double[width];
      for (int j = 0; j < width; j++) {
        first[j] = emb[r * width + j];
        sumSqFirst[(int) t1] += first[j] * first[j];
      }
      countFirst[(int) t1] += width;
      noise.catchUp(emb, r, steps - 1);
      for (int j = 0; j < width; j++) {
        double inc = emb[r * width + j] - first[j];
        sumSqIncrement += inc * inc / (steps - 1 - t1 == 0 ? 1 : (steps - 1 - t1));
        countIncrement += steps - 1 - t1 == 0 ? 0 : 1;
        if (steps - 1 == t1) {
          assertEquals(first[j], emb[r * width + j], "no pending steps, no noise");
        }
      }
    }
    assertTrue(sumSqFirst[0] == 0, "before step 0 nothing is pending");
    for (int t = 1; t < steps; t++) {
      double z = TrainTestData.chiSquareZ(sumSqFirst[t], countFirst[t], t * s * s);
      assertTrue(Math.abs(z) < 5, "read before step " + t + ": z=" + z);
    }
    // The later catch-up covers exactly the steps in between (variance per step s^2).
    double z = TrainTestData.chiSquareZ(sumSqIncrement, countIncrement, s * s);
    assertTrue(Math.abs(z) < 5, "increment z=" + z);

    noise.catchUpAll(emb, steps);
    double total = 0;
    for (int i = width; i < emb.length; i++) {
      total += emb[i] * emb[i];
    }
    double zt = TrainTestData.chiSquareZ(total, (long) (rows - 1) * width, steps * s * s);
    assertTrue(Math.abs(zt) < 5, "after the end every row has all T steps: z=" + zt);
    for (int j = 0; j < width; j++) {
      assertEquals(0.0, emb[j], "padding row is never noised");
    }
  }

  /**
   * With the Gaussians replaced by a known sequence - every step's noise is +1 in every coordinate,
   * so k skipped steps sum to exactly k - lazy noise must reproduce the eager trajectory exactly
   * (up to rounding): every row must hold all earlier steps' noise whenever a forward pass reads
   * it, whatever the order of reads and gradient updates. A row read without its pending noise, or
   * noised one step too early, changes the gradients and the weights.
   */
  @Test
  void lazyNoiseReproducesTheEagerTrajectoryUnderDeterministicNoise() throws Exception {
    NoiseSource plusOnePerStep =
        (target, from, to, scale, k) -> {
          for (int i = from; i < to; i++) {
            target[i] += scale * k;
          }
        };
    TrainingSet data = SyntheticTokens.generate(200, 60, 2, 2, 8, 0.2, 4);
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(8)
            .hiddenDim(8)
            .learningRate(0.5)
            .seed(8)
            .dpSgd(new DpSgdConfig(0.05, 0.5, 1.0, 40));
    TextClassifierWeights eager =
        Trainer.train(data, b.embeddingNoise(EmbeddingNoise.EAGER).build(), r -> plusOnePerStep)
            .weights();
    TextClassifierWeights lazy =
        Trainer.train(data, b.embeddingNoise(EmbeddingNoise.LAZY).build(), r -> plusOnePerStep)
            .weights();
    TextClassifierWeights init = Trainer.initialWeights(data, b.build());
    double noiseShift = 40 * 0.5 * 0.5 * 1.0 / (0.05 * 200); // T * lr * sigma * C / (qN)
    // The noise moved the weights a lot, so agreement is not trivial ...
    assertTrue(Math.abs(eager.embedding()[100] - init.embedding()[100]) > noiseShift / 2);
    // ... and lazy matches eager coordinate by coordinate.
    for (int i = 0; i < eager.embedding().length; i++) {
      assertEquals(eager.embedding()[i], lazy.embedding()[i], 1e-4, "embedding[" + i + "]");
    }
    for (int i = 0; i < eager.w1().length; i++) {
      assertEquals(eager.w1()[i], lazy.w1()[i], 1e-4, "w1[" + i + "]");
    }
    for (int i = 0; i < eager.b2().length; i++) {
      assertEquals(eager.b2()[i], lazy.b2()[i], 1e-4, "b2[" + i + "]");
    }
  }

  @Test
  void poissonSamplingIncludesEachExampleIndependentlyWithProbabilityQ() {
    int n = 500;
    double q = 0.04;
    int steps = 4000;
    PoissonSampler sampler = new PoissonSampler(n, q, new SplittableRandom(9));
    long[] counts = new long[n];
    double sumSize = 0;
    double sumSizeSq = 0;
    long adjacentPairs = 0;
    for (int t = 0; t < steps; t++) {
      int size = sampler.next();
      int[] b = sampler.batch();
      sumSize += size;
      sumSizeSq += (double) size * size;
      for (int i = 0; i < size; i++) {
        assertTrue(b[i] >= 0 && b[i] < n);
        if (i > 0) {
          assertTrue(b[i] > b[i - 1], "ascending, no repeats");
          if (b[i] == b[i - 1] + 1) {
            adjacentPairs++;
          }
        }
        counts[b[i]]++;
      }
    }
    // Batch size ~ Binomial(n, q): mean nq, variance nq(1-q).
    double mean = sumSize / steps;
    double var = sumSizeSq / steps - mean * mean;
    double binVar = n * q * (1 - q);
    assertTrue(Math.abs(mean - n * q) / Math.sqrt(binVar / steps) < 5, "mean batch " + mean);
    // Sample variance of a binomial: standard error about binVar * sqrt(2 / steps).
    assertTrue(Math.abs(var - binVar) / (binVar * Math.sqrt(2.0 / steps)) < 5, "var " + var);
    // Each example's count ~ Binomial(steps, q), independent across examples: chi-square.
    double chi = 0;
    for (long c : counts) {
      chi += (c - steps * q) * (c - steps * q);
    }
    double z = TrainTestData.chiSquareZ(chi, n, steps * q * (1 - q));
    assertTrue(Math.abs(z) < 5, "per-example inclusion z=" + z);
    // Neighbours are included together with probability q^2 (no skip-induced correlation).
    double expectPairs = (double) steps * (n - 1) * q * q;
    assertTrue(
        Math.abs(adjacentPairs - expectPairs) / Math.sqrt(expectPairs) < 6,
        "adjacent pairs " + adjacentPairs + " vs " + expectPairs);
  }

  @Test
  void samplingRateOneTakesEveryExample() {
    PoissonSampler sampler = new PoissonSampler(7, 1.0, new SplittableRandom(1));
    assertEquals(7, sampler.next());
    assertEquals(6, sampler.batch()[6]);
  }
}
