package dev.trustml.model.card;

/**
 * Utility measured when the model was trained, so the privacy/utility trade-off is visible.
 *
 * @param trainAccuracy accuracy on the training rows
 * @param heldoutAccuracy accuracy on the held-out rows
 * @param trainRows rows trained on (including planted canaries)
 * @param heldoutRows rows held out
 */
public record CardMetrics(
    Double trainAccuracy, Double heldoutAccuracy, Integer trainRows, Integer heldoutRows) {}
