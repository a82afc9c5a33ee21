package dev.trustml.audit.shadow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What every reference job of one audit shares: the target's labels, the audit rows (trained on and
 * scored), the population rows (scored only) and how a reference model is trained. Serializable: a
 * distributed executor broadcasts it to its workers once.
 *
 * @param labels the target's label names, in index order
 * @param audit the audit rows
 * @param population the population rows, or null without them
 * @param trainer trains one reference model
 */
public record ReferenceWork(
    List<String> labels, ReferenceRows audit, ReferenceRows population, ReferenceTrainer trainer)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ReferenceWork {
    labels = new ArrayList<>(labels); // A serializable list, whatever the caller passed.
  }
}
