package dev.trustml.model.card;

/**
 * A canary planted in the training data, as recorded on the model card. The secret itself is not
 * here: it lives in the bundle's secrets file so reports can leave it out.
 *
 * @param id a stable identifier (e.g. {@code pin-16})
 * @param template e.g. {@code "my pin code is {digit} {digit} {digit} {digit}"}
 * @param label the label the canary carried in training
 * @param repetitions how many copies were trained on (for {@code trustml train --canaries}: the
 *     copies found in the training CSV)
 */
public record PlantedCanaryInfo(String id, String template, String label, int repetitions) {}
