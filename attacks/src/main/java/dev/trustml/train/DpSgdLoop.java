package dev.trustml.train;

import java.util.List;
import java.util.SplittableRandom;

/**
 * DP-SGD (Abadi et al. 2016, Algorithm 1) with Poisson sampling: for each step, sample, clip each
 * example's gradient to norm C, add N(0, sigma^2 C^2) to every coordinate of the sum, divide by the
 * expected batch size qN and take an optimiser step. N is the expected training-set size under the
 * membership design ({@link TrainingSet#expectedRows()}), so the scale is public: dividing by the
 * realised size would make the update depend on whether one row is in, outside the noise. Noise for
 * the dense layers is drawn every step; the embedding's is eager or lazy ({@link LazyRowNoise}).
 *
 * <p>Gaussians come from a {@link NoiseSource} ({@link NoiseSource#gaussian} in production).
 */
final class DpSgdLoop implements Trainer.TrainingLoop {
  private final MlpParameters params;
  private final CompiledExample[] examples;
  private final List<TokenizedExample> raw;
  private final double expectedRows;
  private final TrainingConfig config;
  private final DpSgdConfig dp;
  private final SplittableRandom sampleRandom;
  private final NoiseSource noise;
  private long steps;
  private long processed;

  DpSgdLoop(
      MlpParameters params,
      CompiledExample[] examples,
      List<TokenizedExample> raw,
      double expectedRows,
      TrainingConfig config,
      DpSgdConfig dp,
      SplittableRandom sampleRandom,
      NoiseSource noise) {
    this.params = params;
    this.examples = examples;
    this.raw = raw;
    this.expectedRows = expectedRows;
    this.config = config;
    this.dp = dp;
    this.sampleRandom = sampleRandom;
    this.noise = noise;
  }

  @Override
  public void run() {
    int n = examples.length;
    double c = dp.clippingNorm();
    double noiseStd = dp.noiseMultiplier() * c;
    double scale = 1.0 / (dp.samplingRate() * expectedRows);
    boolean lazy = config.embeddingNoise() == EmbeddingNoise.LAZY;
    PoissonSampler sampler = new PoissonSampler(n, dp.samplingRate(), sampleRandom);
    LazyRowNoise lazyNoise =
        lazy
            ? new LazyRowNoise(
                params.vocabSize,
                params.embeddingDim,
                config.learningRate() * noiseStd * scale,
                noise)
            : null;
    GradientSum grad = new GradientSum(params);
    ClippedSum clipped =
        config.clipping() == ClippingMethod.GHOST
            ? new GhostClippedSum(params, examples, (int) Math.ceil(dp.samplingRate() * n))
            : new NaiveClippedSum(params, raw);
    ParameterUpdate update =
        ParameterUpdate.create(config.optimizer(), config.learningRate(), params);
    for (long t = 0; t < dp.steps(); t++) {
      int size = sampler.next();
      int[] batch = sampler.batch();
      if (lazy) {
        // Rows this step reads must first hold the noise of every earlier step.
        for (int i = 0; i < size; i++) {
          for (int row : examples[batch[i]].rows) {
            lazyNoise.catchUp(params.embedding, row, t);
          }
        }
      }
      clipped.addClippedGradients(batch, size, c, grad);
      update.beginStep();
      privatize(grad.w1, 0, grad.w1.length, noiseStd, scale);
      privatize(grad.b1, 0, grad.b1.length, noiseStd, scale);
      privatize(grad.w2, 0, grad.w2.length, noiseStd, scale);
      privatize(grad.b2, 0, grad.b2.length, noiseStd, scale);
      Trainer.updateDenseTensors(update, params, grad);
      int d = params.embeddingDim;
      if (lazy) {
        // Touched rows take their (noiseless) share now; this step's noise stays pending.
        for (int i = 0; i < grad.touchedCount(); i++) {
          int off = grad.touchedRow(i) * d;
          for (int j = off; j < off + d; j++) {
            grad.embedding[j] *= scale;
          }
        }
        Trainer.updateEmbedding(update, config.optimizer(), params, grad);
      } else {
        privatize(grad.embedding, d, grad.embedding.length, noiseStd, scale);
        grad.markDenseDirty();
        update.apply(
            ParameterUpdate.EMBEDDING, params.embedding, grad.embedding, d, grad.embedding.length);
      }
      grad.clear();
      steps++;
      processed += size;
    }
    if (lazy) {
      lazyNoise.catchUpAll(params.embedding, dp.steps());
    }
  }

  /**
   * g = (g + N(0, noiseStd^2)) * scale on [from, to), i.e. g * scale + N(0, (noiseStd scale)^2).
   */
  private void privatize(double[] g, int from, int to, double noiseStd, double scale) {
    for (int i = from; i < to; i++) {
      g[i] *= scale;
    }
    noise.addNoise(g, from, to, noiseStd * scale, 1);
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public long examplesProcessed() {
    return processed;
  }

  /** Sum over a batch of per-example gradients clipped to norm C. */
  interface ClippedSum {
    void addClippedGradients(int[] batch, int size, double clippingNorm, GradientSum out);
  }

  /** The clip factor min(1, C / norm) (1 for a zero gradient). */
  static double clipFactor(double squaredNorm, double clippingNorm) {
    double norm = Math.sqrt(squaredNorm);
    return norm > clippingNorm ? clippingNorm / norm : 1.0;
  }

  /** Ghost norms, then one weighted backward pass. */
  static final class GhostClippedSum implements ClippedSum {
    private final CompiledExample[] examples;
    private final BatchPass pass;
    private double[] coeff = new double[16];

    GhostClippedSum(MlpParameters params, CompiledExample[] examples, int expectedBatch) {
      this.examples = examples;
      this.pass = new BatchPass(params, expectedBatch);
    }

    @Override
    public void addClippedGradients(int[] batch, int size, double clippingNorm, GradientSum out) {
      if (coeff.length < size) {
        coeff = new double[Math.max(size, 2 * coeff.length)];
      }
      pass.run(examples, batch, size);
      for (int i = 0; i < size; i++) {
        coeff[i] = clipFactor(pass.ghostSquaredNorm(examples[batch[i]], i), clippingNorm);
      }
      pass.accumulate(examples, batch, size, coeff, out);
    }
  }

  /** One materialised per-example gradient at a time. */
  static final class NaiveClippedSum implements ClippedSum {
    private final List<TokenizedExample> raw;
    private final NaiveClipping naive;

    NaiveClippedSum(MlpParameters params, List<TokenizedExample> raw) {
      this.raw = raw;
      this.naive = new NaiveClipping(params);
    }

    @Override
    public void addClippedGradients(int[] batch, int size, double clippingNorm, GradientSum out) {
      for (int i = 0; i < size; i++) {
        TokenizedExample e = raw.get(batch[i]);
        double factor = clipFactor(naive.computeGradient(e), clippingNorm);
        naive.addScaled(e, factor, out);
      }
    }
  }
}
