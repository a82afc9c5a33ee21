package dev.trustml.scoring;

import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.tokenize.Tokenizer;
import java.nio.file.Path;
import java.util.List;

/**
 * The reading half of scoring: CSV rows to tokenised batches, refusing labels the model does not
 * know. Runs on whichever thread fills the batches.
 */
final class BatchReader implements AutoCloseable {
  private final Path csv;
  private final LabeledCsvReader reader;
  private final List<String> labels;
  private final Tokenizer tokenizer;
  private boolean ended;

  BatchReader(Path csv, LabeledCsvReader reader, List<String> labels, Tokenizer tokenizer) {
    this.csv = csv;
    this.reader = reader;
    this.labels = labels;
    this.tokenizer = tokenizer;
  }

  /**
   * Fills {@code batch} (which must be empty) with the next rows and seals it.
   *
   * @return false once the end of the file has been reached (the batch may still hold rows)
   */
  boolean fill(TokenizedBatch batch) throws BadInputException {
    while (!ended && !batch.isFull()) {
      LabeledText t = reader.next();
      if (t == null) {
        ended = true;
        break;
      }
      int y = labels.indexOf(t.label());
      if (y < 0) {
        throw new BadInputException(
            csv
                + " row "
                + t.row()
                + " (line "
                + t.line()
                + "): label '"
                + t.label()
                + "' is not one of the model's labels ("
                + String.join(", ", labels)
                + ")");
      }
      batch.add(t.row(), t.text(), y, tokenizer);
    }
    batch.seal();
    return !ended;
  }

  @Override
  public void close() {
    reader.close();
  }
}
