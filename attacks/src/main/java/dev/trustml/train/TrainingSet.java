package dev.trustml.train;

import dev.trustml.error.BadInputException;
import java.util.List;

/**
 * Tokenised training data with the sizes the model needs.
 *
 * @param vocabSize V: token ids are in [0, V)
 * @param numClasses K: labels are in [0, K), K &gt;= 2
 * @param examples the examples, in a fixed order (the order is part of what the seed reproduces)
 * @param expectedRows the number of training rows DP-SGD's sampling rate and normalisation are
 *     derived from: the expected size of the training set under the membership design, never the
 *     realised one (which depends on who is a member and would leak it through q and the update
 *     scale); equal to the number of examples when the set is not drawn by a design
 */
public record TrainingSet(
    int vocabSize, int numClasses, List<TokenizedExample> examples, double expectedRows) {
  public TrainingSet {
    examples = List.copyOf(examples);
  }

  /** A training set whose own size is public (no membership design). */
  public TrainingSet(int vocabSize, int numClasses, List<TokenizedExample> examples) {
    this(vocabSize, numClasses, examples, examples.size());
  }

  /** Number of examples N. */
  public int size() {
    return examples.size();
  }

  /** Checks sizes, token ids and labels. */
  public void validate() throws BadInputException {
    if (vocabSize < 2) {
      throw new BadInputException(
          "the vocabulary has " + vocabSize + " tokens; it needs padding and at least one more");
    }
    if (numClasses < 2) {
      throw new BadInputException(
          "the training data has " + numClasses + " class(es); training needs at least two");
    }
    if (examples.isEmpty()) {
      throw new BadInputException("the training set is empty; add training rows");
    }
    if (!(expectedRows > 0) || Double.isInfinite(expectedRows)) {
      throw new IllegalArgumentException("expected rows must be finite and > 0: " + expectedRows);
    }
    for (int i = 0; i < examples.size(); i++) {
      TokenizedExample e = examples.get(i);
      if (e.label() < 0 || e.label() >= numClasses) {
        throw new BadInputException(
            "training example "
                + i
                + " has label index "
                + e.label()
                + " outside [0, "
                + numClasses
                + ")");
      }
      for (int t = 0; t < e.length(); t++) {
        long id = e.token(t);
        if (id < 0 || id >= vocabSize) {
          throw new BadInputException(
              "training example " + i + " has token id " + id + " outside [0, " + vocabSize + ")");
        }
      }
    }
  }
}
