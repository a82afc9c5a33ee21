package dev.trustml.train;

/**
 * The privacy accountant as the trainer needs it: epsilon of T compositions of the Poisson
 * subsampled Gaussian mechanism. Injected so that {@link TrainJob} does not depend on a particular
 * accountant (RDP, PLD) and tests can substitute a stub.
 */
public interface EpsilonFunction {
  /**
   * The epsilon at which DP-SGD with these parameters is (epsilon, delta)-DP.
   *
   * @param samplingRate q
   * @param noiseMultiplier sigma
   * @param steps T
   * @param delta target delta
   */
  double epsilon(double samplingRate, double noiseMultiplier, long steps, double delta);

  /** The accountant's name as written on the model card ({@code rdp}, {@code pld}). */
  String name();
}
