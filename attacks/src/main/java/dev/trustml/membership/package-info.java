/**
 * Membership-inference attacks over model outputs and the bundle's artifacts.
 *
 * <p>Attacks never run a model: they read logits that another part of trustml computed ({@link
 * dev.trustml.membership.ModelOutputs}) for the target model, optionally for reference (shadow)
 * models ({@link dev.trustml.membership.ReferenceOutputs}) and on population rows ({@link
 * dev.trustml.membership.PopulationOutputs}), or how the shipped vocabulary covers each row ({@link
 * dev.trustml.membership.VocabularyCoverage}), and return one score per audit row, higher meaning
 * more likely a member ({@link dev.trustml.membership.Attack#score}). No attack sees the rows'
 * membership, so its scores may enter a rigorous bound. Evaluation (ROC, AUC, TPR at low FPR) is
 * done elsewhere on these scores. {@link dev.trustml.membership.AttackRegistry} maps the CLI names
 * to attacks.
 */
package dev.trustml.membership;
