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
 */
public record CanaryTarget(
    String id, CanaryTemplate template, String label, Integer repetitions, Secret secret) {}
