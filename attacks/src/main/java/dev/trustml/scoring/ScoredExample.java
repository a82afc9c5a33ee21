package dev.trustml.scoring;

/**
 * What the model says about one labelled example.
 *
 * @param row 1-based data row in the CSV
 * @param text the example's text (kept in memory only as long as a caller needs it; never reported)
 * @param label index of the true label among the model's labels
 * @param logits raw outputs, one per label
 * @param probabilities softmax of the logits (computed in double, max-subtracted)
 * @param loss cross-entropy of the true label, {@code -log p[label]}
 * @param correct whether the arg-max is the true label
 */
public record ScoredExample(
    long row,
    String text,
    int label,
    float[] logits,
    double[] probabilities,
    double loss,
    boolean correct) {}
