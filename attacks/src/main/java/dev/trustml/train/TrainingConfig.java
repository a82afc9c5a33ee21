package dev.trustml.train;

import dev.trustml.error.BadInputException;

/**
 * Everything that determines a training run besides the data. Same config + same data = the same
 * weights, bit for bit. Build with {@link #builder()}; {@link Builder#build()} checks every value.
 *
 * @param embeddingDim D, the embedding width
 * @param hiddenDim H, the hidden layer width
 * @param optimizer SGD or Adam
 * @param learningRate step size, &gt; 0
 * @param epochs passes over the data (non-private training; DP-SGD takes its steps from {@code
 *     dpSgd})
 * @param batchSize minibatch size (non-private training)
 * @param seed seeds initial weights, shuffling, Poisson sampling and noise
 * @param dpSgd the DP-SGD mechanism, or null for non-private training
 * @param clipping how DP-SGD clips (ignored without DP)
 * @param embeddingNoise when DP-SGD noises the embedding (ignored without DP)
 */
public record TrainingConfig(
    int embeddingDim,
    int hiddenDim,
    OptimizerKind optimizer,
    double learningRate,
    int epochs,
    int batchSize,
    long seed,
    DpSgdPlan dpSgd,
    ClippingMethod clipping,
    EmbeddingNoise embeddingNoise) {

  /** Upper bound on D and H: far above anything this small architecture needs. */
  public static final int MAX_WIDTH = 4096;

  /** A builder with the defaults of trustml's sample models. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this run is DP-SGD. */
  public boolean isPrivate() {
    return dpSgd != null;
  }

  /** Checks every value; the message names the parameter, its value and the allowed range. */
  public void validate() throws BadInputException {
    if (embeddingDim < 1 || embeddingDim > MAX_WIDTH) {
      throw outOfRange("embedding dimension", embeddingDim, "in [1, " + MAX_WIDTH + "]");
    }
    if (hiddenDim < 1 || hiddenDim > MAX_WIDTH) {
      throw outOfRange("hidden dimension", hiddenDim, "in [1, " + MAX_WIDTH + "]");
    }
    if (optimizer == null || clipping == null || embeddingNoise == null) {
      throw new IllegalArgumentException("optimizer, clipping and embedding noise are required");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw outOfRange("learning rate", learningRate, "finite and > 0");
    }
    if (epochs < 1) {
      throw outOfRange("epochs", epochs, ">= 1");
    }
    if (batchSize < 1) {
      throw outOfRange("batch size", batchSize, ">= 1");
    }
    if (dpSgd != null) {
      dpSgd.validate();
      if (embeddingNoise == EmbeddingNoise.LAZY && optimizer != OptimizerKind.SGD) {
        throw new BadInputException(
            "training parameter 'embedding noise' is lazy, which is exact only for plain SGD; use"
                + " eager noise with "
                + optimizer.cardName());
      }
    }
  }

  static BadInputException outOfRange(String name, double value, String range) {
    return new BadInputException(
        "training parameter '" + name + "' is " + value + "; it must be " + range);
  }

  static BadInputException outOfRange(String name, long value, String range) {
    return new BadInputException(
        "training parameter '" + name + "' is " + value + "; it must be " + range);
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int embeddingDim = 64;
    private int hiddenDim = 64;
    private OptimizerKind optimizer = OptimizerKind.SGD;
    private double learningRate = 0.5;
    private int epochs = 10;
    private int batchSize = 64;
    private long seed = 0;
    private DpSgdPlan dpSgd;
    private double dpNoiseMultiplier = Double.NaN;
    private double dpClippingNorm = Double.NaN;
    private ClippingMethod clipping = ClippingMethod.GHOST;
    private EmbeddingNoise embeddingNoise;

    private Builder() {}

    public Builder embeddingDim(int value) {
      embeddingDim = value;
      return this;
    }

    public Builder hiddenDim(int value) {
      hiddenDim = value;
      return this;
    }

    public Builder optimizer(OptimizerKind value) {
      optimizer = value;
      return this;
    }

    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** DP-SGD with an explicit or epoch-based plan; null for non-private training. */
    public Builder dpSgd(DpSgdPlan plan) {
      dpSgd = plan;
      dpNoiseMultiplier = Double.NaN;
      dpClippingNorm = Double.NaN;
      return this;
    }

    /**
     * DP-SGD whose expected batch size and epochs are this builder's {@link #batchSize} and {@link
     * #epochs} (a {@link DpSgdEpochs} plan).
     */
    public Builder dpSgd(double noiseMultiplier, double clippingNorm) {
      dpSgd = null;
      dpNoiseMultiplier = noiseMultiplier;
      dpClippingNorm = clippingNorm;
      return this;
    }

    public Builder clipping(ClippingMethod value) {
      clipping = value;
      return this;
    }

    /** Defaults to lazy for SGD and eager otherwise. */
    public Builder embeddingNoise(EmbeddingNoise value) {
      embeddingNoise = value;
      return this;
    }

    /** The config, checked. */
    public TrainingConfig build() throws BadInputException {
      DpSgdPlan plan =
          Double.isNaN(dpNoiseMultiplier) && Double.isNaN(dpClippingNorm)
              ? dpSgd
              : new DpSgdEpochs(batchSize, epochs, dpNoiseMultiplier, dpClippingNorm);
      EmbeddingNoise noise =
          embeddingNoise != null
              ? embeddingNoise
              : optimizer == OptimizerKind.SGD ? EmbeddingNoise.LAZY : EmbeddingNoise.EAGER;
      TrainingConfig config =
          new TrainingConfig(
              embeddingDim,
              hiddenDim,
              optimizer,
              learningRate,
              epochs,
              batchSize,
              seed,
              plan,
              clipping,
              noise);
      config.validate();
      return config;
    }
  }
}
