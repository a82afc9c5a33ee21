package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.scoring.Softmax;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * trustml's classifier as a plain-Java {@link Classifier} (test double): logits from {@link
 * ReferenceForward} and white-box gradients from the closed-form derivative of the same network.
 * The core's tests run audits and ModIvA through it without an engine; the engine modules' tests
 * check libtorch against it.
 */
public final class ReferenceClassifier implements Classifier {
  private final ModelBundle bundle;
  private final TextClassifierWeights w;
  private final Tokenizer tokenizer;
  private final boolean whiteBox;

  private ReferenceClassifier(
      ModelBundle bundle, TextClassifierWeights w, Tokenizer tokenizer, boolean whiteBox) {
    this.bundle = bundle;
    this.w = w;
    this.tokenizer = tokenizer;
    this.whiteBox = whiteBox;
  }

  /** The bundle in {@code dir} (its card and tokenizer) with weights {@code w}, white-box. */
  public static ReferenceClassifier open(Path dir, TextClassifierWeights w)
      throws BadInputException {
    return open(dir, w, true);
  }

  /** As {@link #open(Path, TextClassifierWeights)}; black-box when {@code whiteBox} is false. */
  public static ReferenceClassifier open(Path dir, TextClassifierWeights w, boolean whiteBox)
      throws BadInputException {
    ModelBundle bundle = ModelBundle.open(dir);
    return new ReferenceClassifier(bundle, w, Tokenizers.open(bundle), whiteBox);
  }

  @Override
  public ModelBundle bundle() {
    return bundle;
  }

  @Override
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public float[] logits(TokenBatch batch) {
    int k = w.numClasses();
    float[] out = new float[batch.rows() * k];
    long[] ids = batch.ids();
    for (int r = 0; r < batch.rows(); r++) {
      long[] row = java.util.Arrays.copyOfRange(ids, r * batch.length(), (r + 1) * batch.length());
      double[] z = ReferenceForward.logits(w, row);
      for (int c = 0; c < k; c++) {
        out[r * k + c] = (float) z[c];
      }
    }
    return out;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo(
        "reference",
        ModelSignature.BUILT_IN,
        false,
        w.numClasses(),
        List.of("forward", "forward_emb"),
        List.of(new ModelInfo.Parameter("embedding", new long[] {w.vocabSize(), w.embeddingDim()})),
        whiteBox ? "plain Java" : "no embedding-input method (forward_emb)");
  }

  @Override
  public Optional<WhiteBox> whiteBox() {
    return whiteBox ? Optional.of(new Gradients()) : Optional.empty();
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /**
   * forward_emb and its derivative: pooled = Σ_l x[l] ⊙ gate[l] m[l] / max(Σ m, 1), h = relu(W1
   * pooled + b1), z = W2 h + b2; dloss/dz = softmax(z) − onehot(y), back through the ReLU and the
   * linear layers to dloss/dx[l] = dloss/dpooled ⊙ gate[l] m[l] / max(Σ m, 1).
   */
  private final class Gradients implements WhiteBox {
    @Override
    public int embeddingWidth() {
      return w.embeddingDim();
    }

    @Override
    public long vocabularySize() {
      return w.vocabSize();
    }

    @Override
    public float[] embeddingRows(long[] ids) {
      int d = w.embeddingDim();
      float[] out = new float[ids.length * d];
      for (int i = 0; i < ids.length; i++) {
        System.arraycopy(w.embedding(), Math.toIntExact(ids[i]) * d, out, i * d, d);
      }
      return out;
    }

    @Override
    public double[] lossAndGradient(
        float[] embeddings, float[] mask, int rows, int length, int[] labels, float[] gradient) {
      int d = w.embeddingDim();
      int h = w.hiddenDim();
      int k = w.numClasses();
      double[] losses = new double[rows];
      for (int r = 0; r < rows; r++) {
        double count = 0;
        for (int l = 0; l < length; l++) {
          count += mask[r * length + l];
        }
        double scale = 1 / Math.max(count, 1);
        double[] pooled = new double[d];
        for (int l = 0; l < length; l++) {
          for (int j = 0; j < d; j++) {
            pooled[j] +=
                embeddings[(r * length + l) * d + j]
                    * (double) (float) PositionGates.gate(l, j)
                    * mask[r * length + l]
                    * scale;
          }
        }
        double[] pre = new double[h];
        for (int i = 0; i < h; i++) {
          double s = w.b1()[i];
          for (int j = 0; j < d; j++) {
            s += w.w1()[i * d + j] * pooled[j];
          }
          pre[i] = s;
        }
        double[] z = ReferenceForward.fromPooled(w, pooled);
        losses[r] = Softmax.loss(z, 0, k, labels[r]);
        // d loss / d z = softmax(z) - onehot(label).
        double[] dz = z.clone();
        Softmax.probabilitiesInPlace(dz, 0, k);
        dz[labels[r]] -= 1;
        double[] dh = new double[h];
        for (int i = 0; i < h; i++) {
          if (pre[i] > 0) {
            for (int c = 0; c < k; c++) {
              dh[i] += w.w2()[c * h + i] * dz[c];
            }
          }
        }
        double[] dp = new double[d];
        for (int j = 0; j < d; j++) {
          for (int i = 0; i < h; i++) {
            dp[j] += w.w1()[i * d + j] * dh[i];
          }
        }
        for (int l = 0; l < length; l++) {
          for (int j = 0; j < d; j++) {
            gradient[(r * length + l) * d + j] =
                (float)
                    (dp[j]
                        * (double) (float) PositionGates.gate(l, j)
                        * mask[r * length + l]
                        * scale);
          }
        }
      }
      return losses;
    }
  }
}
