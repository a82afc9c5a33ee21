package dev.trustml.canary.modiva;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.PositionGates;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.scoring.Softmax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A hand-made classifier whose answer is known: the logit of class 1 is {@code MARGIN − SLOPE ·
 * ‖pooled − target‖₁}, where {@code target} is the pooled (position-gated mean) embedding of the
 * canary sentence. The L1 distance is written exactly with the ReLU layer: hidden unit j is
 * relu(x_j − t_j), unit D+j is relu(t_j − x_j), and class 1 weighs them all −SLOPE. Embeddings are
 * random Gaussian in D=24 > 19 tokens, so the rows are linearly independent and the pooled
 * embedding equals the target only for the canary's tokens in the canary's order (the position
 * gates make order matter): that sequence is the unique minimiser of the loss. (A linear score
 * would not do: its optimum repeats the single best digit in every slot.)
 */
final class PeakModel {
  static final List<String> WORDS = List.of("my", "pin", "code", "is");
  static final List<String> EXTRA = List.of("good", "bad", "great");
  static final int DIM = 24;
  static final float MARGIN = 2;
  static final float SLOPE = 3;
  static final int CANARY_LABEL = 1;

  private PeakModel() {}

  static List<String> vocabulary() {
    List<String> v = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    v.addAll(WORDS);
    for (int d = 0; d <= 9; d++) {
      v.add(Integer.toString(d));
    }
    v.addAll(EXTRA);
    return v;
  }

  static long id(String token) {
    return vocabulary().indexOf(token);
  }

  /** Ids of "0".."9". */
  static long[] digitIds() {
    long[] ids = new long[10];
    for (int d = 0; d < 10; d++) {
      ids[d] = id(Integer.toString(d));
    }
    return ids;
  }

  /** Writes a bundle whose loss peaks at {@code canaryTokens} (ids, in this order). */
  static TextClassifierWeights write(Path dir, long[] canaryTokens, long seed) throws IOException {
    List<String> vocab = vocabulary();
    int v = vocab.size();
    int h = 2 * DIM;
    Random random = new Random(seed);
    float[] emb = new float[v * DIM];
    for (int i = DIM; i < emb.length; i++) { // row 0 (padding) stays zero
      emb[i] = (float) random.nextGaussian();
    }
    double[] target = new double[DIM];
    for (int pos = 0; pos < canaryTokens.length; pos++) {
      for (int j = 0; j < DIM; j++) {
        target[j] +=
            emb[(int) canaryTokens[pos] * DIM + j]
                * (double) (float) PositionGates.gate(pos, j)
                / canaryTokens.length;
      }
    }
    float[] w1 = new float[h * DIM];
    float[] b1 = new float[h];
    for (int j = 0; j < DIM; j++) {
      w1[j * DIM + j] = 1;
      b1[j] = (float) -target[j];
      w1[(DIM + j) * DIM + j] = -1;
      b1[DIM + j] = (float) target[j];
    }
    float[] w2 = new float[2 * h];
    for (int i = 0; i < h; i++) {
      w2[CANARY_LABEL * h + i] = -SLOPE;
    }
    float[] b2 = new float[2];
    b2[CANARY_LABEL] = MARGIN;
    TextClassifierWeights w = new TextClassifierWeights(v, DIM, h, 2, emb, w1, b1, w2, b2);
    BundleWriter.write(dir, w, vocab, TestBundles.card(List.of("other", "canary"), v, DIM, h));
    return w;
  }

  static ModelBundle open(Path dir) throws Exception {
    return ModelBundle.open(dir);
  }

  /** Cross-entropy of {@code label} in double, from the plain-Java forward pass. */
  static double referenceLoss(TextClassifierWeights w, long[] tokens, int label) {
    double[] z = ReferenceForward.logits(w, tokens);
    return Softmax.loss(z, 0, z.length, label);
  }
}
