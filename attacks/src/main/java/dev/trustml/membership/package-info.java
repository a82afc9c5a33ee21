/**
 * Membership-inference attacks over model outputs.
 *
 * <p>Attacks never run a model: they read logits that another part of trustml computed ({@link
 * dev.trustml.membership.ModelOutputs}) for the target model, optionally for reference (shadow)
 * models ({@link dev.trustml.membership.ReferenceOutputs}) and on population rows ({@link
 * dev.trustml.membership.PopulationOutputs}), and return one score per audit row, higher meaning
 * more likely a member ({@link dev.trustml.membership.Attack#score}). Evaluation (ROC, AUC, TPR at
 * low FPR) is done elsewhere on these scores. {@link dev.trustml.membership.AttackRegistry} maps
 * the CLI names to attacks.
 */
package dev.trustml.membership;
