package dev.trustml.audit;

import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.Secret;

/**
 * One canary to audit.
 *
 * @param id an identifier for reports
 * @param template the template
 * @param label the label it carried in training
 * @param repetitions copies planted, or null when unknown
 * @param secret the true secret, or null to hunt without it
 * @param uniformSecret whether trustml drew the secret uniformly from the template's candidates (a
 *     rank test against epsilon is rigorous only then)
 */
public record CanaryTarget(
    String id,
    CanaryTemplate template,
    String label,
    Integer repetitions,
    Secret secret,
    boolean uniformSecret) {

  /** A target whose secret, if any, was not drawn by trustml. */
  public CanaryTarget(
      String id, CanaryTemplate template, String label, Integer repetitions, Secret secret) {
    this(id, template, label, repetitions, secret, false);
  }
}
