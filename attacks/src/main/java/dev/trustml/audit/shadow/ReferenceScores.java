package dev.trustml.audit.shadow;

import java.io.Serializable;

/**
 * One reference model's logits on the audit rows and the population rows.
 *
 * @param index the job's index
 * @param audit row-major {@code rows x labels} logits on the audit rows
 * @param population the same on the population rows, or null without them
 */
public record ReferenceScores(int index, float[] audit, float[] population)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
