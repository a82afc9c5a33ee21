package dev.trustml.scoring;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a labelled CSV with a classifier, in batches, streaming: memory does not grow with the
 * file. Every attack gets its model outputs through here.
 *
 * <p>Reading and tokenising run on a second thread a few batches ahead ({@link ReadAhead}) while
 * the caller's thread runs the forward passes and hands results to the sink; the sink sees the rows
 * in file order, on the caller's thread, exactly as a sequential pass would deliver them, and a bad
 * row fails with the same exception, on the caller's thread, after the rows of the batches before
 * it.
 */
public final class Scorer {
  /** Rows per forward pass; large enough to amortise per-call overhead. */
  public static final int DEFAULT_BATCH_SIZE = 512;

  /**
   * Tokenised batches in circulation: one being filled, one being scored, the rest absorb jitter
   * between the two threads. About 0.3 MB each at the default batch size and 64 tokens.
   */
  static final int BATCHES_IN_FLIGHT = 4;

  private final Classifier model;
  private final int batchSize;
  private final boolean readAhead;

  private Scorer(Classifier model, int batchSize, boolean readAhead) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.model = model;
    this.batchSize = batchSize;
    this.readAhead = readAhead;
  }

  public Scorer(Classifier model, int batchSize) {
    this(model, batchSize, true);
  }

  /** A scorer with the model's preferred batch size. */
  public Scorer(Classifier model) {
    this(model, model.preferredBatchSize());
  }

  /** A scorer that reads, tokenises and scores on the caller's thread only (the reference). */
  static Scorer sequential(Classifier model, int batchSize) {
    return new Scorer(model, batchSize, false);
  }

  /** Scores every row of {@code csv}; rows whose label the model does not know are refused. */
  public ScoringSummary score(Path csv, CsvColumns columns, ScoreSink sink)
      throws TrustmlException {
    long start = System.nanoTime();
    List<String> labels = model.card().labels();
    int maxLength = model.card().maxLength();
    Tally tally = new Tally();
    long padId = model.card().paddingId();
    int fixedLength = model.fixedLength();
    boolean typeIds = model.tokenizer().hasTypeIds();
    try (BatchReader reader =
        new BatchReader(csv, LabeledCsvReader.open(csv, columns), labels, model.tokenizer())) {
      if (readAhead) {
        try (ReadAhead ahead =
            new ReadAhead(
                reader,
                BATCHES_IN_FLIGHT,
                () -> new TokenizedBatch(batchSize, maxLength, padId, fixedLength, typeIds),
                csv.toString())) {
          for (TokenizedBatch b; (b = ahead.next()) != null; ) {
            score(model, b, labels.size(), sink, tally);
            ahead.recycle(b);
          }
        }
      } else {
        TokenizedBatch b = new TokenizedBatch(batchSize, maxLength, padId, fixedLength, typeIds);
        for (boolean more = true; more; ) {
          more = reader.fill(b);
          if (b.size() > 0) {
            score(model, b, labels.size(), sink, tally);
          }
          b.clear();
        }
      }
    }
    if (tally.rows == 0) {
      throw new BadInputException(csv + ": header only, no data rows; add rows to score");
    }
    return new ScoringSummary(tally.rows, tally.correct, (System.nanoTime() - start) / 1e9);
  }

  /** Forward pass of one batch, then softmax and loss per row, to the sink in row order. */
  private static void score(Classifier model, TokenizedBatch b, int k, ScoreSink sink, Tally tally)
      throws TrustmlException {
    float[] logits = model.logits(b.tokens());
    for (int i = 0; i < b.size(); i++) {
      int off = i * k;
      float[] z = Arrays.copyOfRange(logits, off, off + k);
      double[] p = Softmax.probabilities(z, 0, k);
      int y = b.labels[i];
      double loss = Softmax.loss(z, 0, k, y);
      boolean ok = Softmax.argMax(z, 0, k) == y;
      tally.correct += ok ? 1 : 0;
      sink.accept(new ScoredExample(b.rows[i], b.texts[i], y, z, p, loss, ok));
    }
    tally.rows += b.size();
  }

  /** Running totals of one pass. */
  private static final class Tally {
    long rows;
    long correct;
  }
}
