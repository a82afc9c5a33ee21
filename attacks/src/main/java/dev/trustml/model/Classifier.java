package dev.trustml.model;

import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.tokenize.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A text classifier as every audit sees it: the card, the tokenizer and logits for a batch of token
 * ids. The core never names an engine; {@link Classifiers#open} finds one through {@link
 * ClassifierProvider} (TorchScript in {@code trustml-engine-pytorch}, ONNX in {@code
 * trustml-engine-onnx}). Close it to free the engine's native memory.
 *
 * <p>{@link #logits} may be called from one thread at a time.
 */
public interface Classifier extends AutoCloseable {
  /** The bundle the model was loaded from. */
  ModelBundle bundle();

  /** The model card. */
  default ModelCard card() {
    return bundle().card();
  }

  /** The tokenizer, as the card configures it. */
  Tokenizer tokenizer();

  /** Number of classes, the card's labels. */
  default int numLabels() {
    return card().labels().size();
  }

  /** Logits, row-major {@code batch.rows() x numLabels()}. */
  float[] logits(TokenBatch batch);

  /** What the engine found: format, signature, methods, parameters (what model inspect shows). */
  ModelInfo info();

  /** The gradients white-box attacks need, when the model and the engine give them. */
  Optional<WhiteBox> whiteBox();

  /**
   * Token id rows (from {@link Tokenizer#encode}) as a batch this model takes: padded with the
   * card's padding id, to the signature's fixed length when it has one.
   */
  default TokenBatch batch(long[][] rows) {
    return TokenBatch.pad(rows, card().paddingId(), fixedLength());
  }

  /**
   * Texts tokenised and batched as {@link #batch(long[][])} does, with the tokenizer's segment ids
   * when it has them.
   */
  default TokenBatch batch(List<String> texts) {
    Tokenizer t = tokenizer();
    int max = card().maxLength();
    long[][] rows = new long[texts.size()][];
    long[][] types = t.hasTypeIds() ? new long[texts.size()][] : null;
    long[] ids = new long[max];
    long[] segments = new long[max];
    for (int i = 0; i < rows.length; i++) {
      int n = t.encodeInto(texts.get(i), max, ids, segments, 0);
      rows[i] = Arrays.copyOf(ids, n);
      if (types != null) {
        types[i] = Arrays.copyOf(segments, n);
      }
    }
    TokenBatch b = batch(rows);
    return types == null ? b : b.withTypeIds(TokenBatch.pad(types, 0, b.length()).ids());
  }

  /**
   * Rows per forward pass when scoring: 512 for trustml's own models (cheap per token, so large
   * batches amortise the per-call overhead), 64 for others (attention costs grow with the padded
   * length, and a smaller batch pads less: on the BERT-shaped fixture batches of 64 pad to 40
   * tokens on average, batches of 256 to 48).
   */
  default int preferredBatchSize() {
    return info().signature().builtIn() ? 512 : 64;
  }

  /** The one row length the model takes, or 0 when it takes any (rows pad to the longest). */
  default int fixedLength() {
    ModelSignature s = info().signature();
    return s.sequenceLength() == null ? 0 : s.sequenceLength();
  }

  @Override
  void close();
}
