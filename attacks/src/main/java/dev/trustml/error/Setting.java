package dev.trustml.error;

/**
 * An input of a library call that an error message refers to. Libraries word it in their own terms
 * (a {@link Message} part); the command line shows its option instead ({@code --fpr}), so the
 * libraries never name a command-line flag and the CLI's messages still tell the user which option
 * to change. The CLI maps every constant to one of its options.
 */
public enum Setting {
  /** The false-positive rates at which TPR is reported. */
  FPR,
  /** The number of bootstrap resamples. */
  BOOTSTRAP,
  /** The confidence level of intervals and bounds. */
  CONFIDENCE,
  /** The claimed delta. */
  DELTA,
  /** The listing of the registered attacks. */
  ATTACK_LIST,
  /** The canary search method. */
  CANARY_METHOD,
  /** Reference models given as trained bundles. */
  REFERENCES,
  /** The number of reference models to train. */
  SHADOW_MODELS,
  /** The user's command that trains one reference model. */
  TRAIN_COMMAND,
  /** The name of a CSV's text column. */
  TEXT_COLUMN,
  /** The name of a CSV's label column. */
  LABEL_COLUMN,
  /** The secrets file of planted canaries. */
  SECRETS_FILE,
  /** A gate check written directly (not in a policy file). */
  GATE_CHECK,
  /** A gate policy file. */
  POLICY_FILE,
  /** The longest input a model takes, in tokens (when a bundle is made from a bare model). */
  MAX_LENGTH
}
