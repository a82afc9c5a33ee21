package dev.trustml.scoring;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.ClassifierRunner;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.TokenBatch;
import dev.trustml.model.tokenize.Tokenizer;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores a labelled CSV with a loaded model, in batches, streaming: each batch is read, tokenised,
 * run and handed to the sink before the next is read, so memory does not grow with the file. Every
 * attack gets its model outputs through here.
 */
public final class Scorer {
  /** Rows per forward pass; large enough to amortise per-call overhead. */
  public static final int DEFAULT_BATCH_SIZE = 512;

  private final LoadedModel model;
  private final int batchSize;

  public Scorer(LoadedModel model, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.model = model;
    this.batchSize = batchSize;
  }

  public Scorer(LoadedModel model) {
    this(model, DEFAULT_BATCH_SIZE);
  }

  /** Scores every row of {@code csv}; rows whose label the model does not know are refused. */
  public ScoringSummary score(Path csv, CsvColumns columns, ScoreSink sink)
      throws TrustmlException {
    long start = System.nanoTime();
    List<String> labels = model.card().labels();
    Tokenizer tokenizer = model.tokenizer();
    int maxLength = model.card().maxLength();
    int k = labels.size();
    long rows = 0;
    long correct = 0;
    try (LabeledCsvReader reader = LabeledCsvReader.open(csv, columns);
        ClassifierRunner runner = new ClassifierRunner(model)) {
      long[][] tokens = new long[batchSize][];
      long[] rowNumbers = new long[batchSize];
      String[] texts = new String[batchSize];
      int[] labelIds = new int[batchSize];
      boolean more = true;
      while (more) {
        int n = 0;
        while (n < batchSize) {
          LabeledText t = reader.next();
          if (t == null) {
            more = false;
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
          tokens[n] = tokenizer.encode(t.text(), maxLength);
          rowNumbers[n] = t.row();
          texts[n] = t.text();
          labelIds[n] = y;
          n++;
        }
        if (n == 0) {
          break;
        }
        long[][] batch = n == batchSize ? tokens : java.util.Arrays.copyOf(tokens, n);
        float[] logits = runner.logits(TokenBatch.of(batch));
        for (int i = 0; i < n; i++) {
          int off = i * k;
          float[] z = java.util.Arrays.copyOfRange(logits, off, off + k);
          double[] p = Softmax.probabilities(z, 0, k);
          double loss = Softmax.loss(z, 0, k, labelIds[i]);
          boolean ok = Softmax.argMax(z, 0, k) == labelIds[i];
          correct += ok ? 1 : 0;
          sink.accept(new ScoredExample(rowNumbers[i], texts[i], labelIds[i], z, p, loss, ok));
        }
        rows += n;
      }
    }
    if (rows == 0) {
      throw new BadInputException(csv + ": header only, no data rows; add rows to score");
    }
    return new ScoringSummary(rows, correct, (System.nanoTime() - start) / 1e9);
  }
}
