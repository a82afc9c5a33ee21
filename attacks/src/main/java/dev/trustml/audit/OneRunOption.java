package dev.trustml.audit;

/**
 * When the audit computes the one-run bound (Steinke, Nasr &amp; Jagielski 2023).
 *
 * @param mode auto, off or fixed
 * @param guessesPerSide for {@link Mode#FIXED}: k+ = k- = this, fixed before the audit; else 0
 */
public record OneRunOption(Mode mode, int guessesPerSide) {
  /** When to compute it. */
  public enum Mode {
    /**
     * Whenever the membership design supports it (Bernoulli(1/2) on the model card), with the guess
     * counts chosen on a random half of the rows and the bound on the other half ({@link
     * dev.trustml.stats.OneRunSplitAudit}).
     */
    AUTO,
    /** Never. */
    OFF,
    /**
     * Always, with the given guesses per side: rigorous under Bernoulli(1/2) membership, else
     * labelled an estimate.
     */
    FIXED
  }

  /** The default: a rigorous bound whenever the design supports one. */
  public static final OneRunOption AUTO = new OneRunOption(Mode.AUTO, 0);

  /** No one-run bound. */
  public static final OneRunOption OFF = new OneRunOption(Mode.OFF, 0);

  public OneRunOption {
    if (mode == Mode.FIXED ? guessesPerSide < 1 : guessesPerSide != 0) {
      throw new IllegalArgumentException(
          "one-run guesses per side must be >= 1 with fixed counts and 0 otherwise, got "
              + guessesPerSide);
    }
  }

  /** k guesses per side, fixed in advance. */
  public static OneRunOption fixed(int guessesPerSide) {
    return new OneRunOption(Mode.FIXED, guessesPerSide);
  }
}
