package dev.trustml.canary;

/**
 * How {@link BeamSearch} turns a canary whose first slots are filled (and the rest unknown) into a
 * sentence the model can score.
 */
public enum PartialCanaryForm {
  /**
   * Keep all fixed words and leave the unfilled slots out ("my pin code is 4 8" for two filled
   * slots; "call 4 8 tomorrow" keeps "tomorrow"). The default: Parikh et al. (ACL 2022) attack
   * classifiers that pool token representations (mean pooling or a [CLS] summary), whose output
   * depends on which tokens are present far more than on their count, so dropping the unknown
   * tokens while keeping the trained context is the closest proxy for the full canary.
   */
  OMIT_UNFILLED,
  /**
   * Cut the sentence right after the last filled slot ("call 4 8"), i.e. the prefix a left-to-right
   * language model would score. Identical to {@link #OMIT_UNFILLED} when all slots are at the end.
   */
  TRUNCATE_AFTER_FILLED
}
