package dev.trustml.canary.modiva;

/**
 * Settings of a ModIvA run. All randomness (initial slot logits, Gumbel noise) is drawn from a
 * {@link java.util.SplittableRandom} seeded with {@code seed}, never from libtorch's global
 * generator, so the same model, problem and config give the same result.
 *
 * @param restarts independent random starts, optimised together as one batch
 * @param steps Adam steps per restart
 * @param learningRate Adam step size on the slot logits
 * @param temperatureStart Gumbel-softmax temperature at the first step
 * @param temperatureEnd temperature at the last step; it decays exponentially in between
 * @param topK how many distinct reconstructions to return
 * @param seed seed of all random draws
 */
public record ModivaConfig(
    int restarts,
    int steps,
    double learningRate,
    double temperatureStart,
    double temperatureEnd,
    int topK,
    long seed) {

  public static final int DEFAULT_RESTARTS = 8;
  public static final int DEFAULT_STEPS = 200;
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  public static final double DEFAULT_TEMPERATURE_START = 2.0;
  public static final double DEFAULT_TEMPERATURE_END = 0.1;
  public static final int DEFAULT_TOP_K = 10;
  public static final long DEFAULT_SEED = 0;

  public ModivaConfig {
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (!(temperatureStart > 0) || !(temperatureEnd > 0)) {
      throw new IllegalArgumentException(
          "temperatures must be positive, got " + temperatureStart + " and " + temperatureEnd);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1, got " + topK);
    }
  }

  /** The defaults: 8 restarts, 200 steps, learning rate 0.1, temperature 2.0 to 0.1, top 10. */
  public static ModivaConfig defaults() {
    return new ModivaConfig(
        DEFAULT_RESTARTS,
        DEFAULT_STEPS,
        DEFAULT_LEARNING_RATE,
        DEFAULT_TEMPERATURE_START,
        DEFAULT_TEMPERATURE_END,
        DEFAULT_TOP_K,
        DEFAULT_SEED);
  }

  public ModivaConfig withSeed(long newSeed) {
    return new ModivaConfig(
        restarts, steps, learningRate, temperatureStart, temperatureEnd, topK, newSeed);
  }

  public ModivaConfig withRestarts(int newRestarts) {
    return new ModivaConfig(
        newRestarts, steps, learningRate, temperatureStart, temperatureEnd, topK, seed);
  }

  public ModivaConfig withSteps(int newSteps) {
    return new ModivaConfig(
        restarts, newSteps, learningRate, temperatureStart, temperatureEnd, topK, seed);
  }

  public ModivaConfig withTopK(int newTopK) {
    return new ModivaConfig(
        restarts, steps, learningRate, temperatureStart, temperatureEnd, newTopK, seed);
  }

  /**
   * The temperature at step {@code t} of {@code steps}: exponential decay from start to end, the
   * annealing Jang et al. (2017, section 2.2) recommend so that early steps see smooth gradients
   * and late steps nearly one-hot samples.
   */
  public double temperature(int t) {
    if (steps == 1) {
      return temperatureStart;
    }
    double fraction = (double) t / (steps - 1);
    return temperatureStart * Math.pow(temperatureEnd / temperatureStart, fraction);
  }
}
