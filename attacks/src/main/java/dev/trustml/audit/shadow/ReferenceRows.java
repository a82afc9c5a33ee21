package dev.trustml.audit.shadow;

import dev.trustml.data.LabeledText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that reference models train on or are scored on: texts and label indices (into the target's
 * label list), in audit order. Serializable, since distributed executors ship it to their workers.
 *
 * @param texts the texts
 * @param labels their label indices
 */
public record ReferenceRows(String[] texts, int[] labels) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ReferenceRows {
    if (texts.length != labels.length) {
      throw new IllegalArgumentException(texts.length + " texts but " + labels.length + " labels");
    }
  }

  public int size() {
    return texts.length;
  }

  /** The rows {@code in} selects, in order, with their label names (a training CSV's rows). */
  public List<LabeledText> selected(boolean[] in, List<String> labelNames) {
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      if (in[i]) {
        out.add(new LabeledText(i + 1, i + 2, texts[i], labelNames.get(labels[i])));
      }
    }
    return out;
  }
}
