package dev.trustml.samples.bert;

import static dev.trustml.samples.bert.BertWeights.ATT_NORM_B;
import static dev.trustml.samples.bert.BertWeights.ATT_NORM_W;
import static dev.trustml.samples.bert.BertWeights.ATT_OUT_B;
import static dev.trustml.samples.bert.BertWeights.ATT_OUT_W;
import static dev.trustml.samples.bert.BertWeights.EMB_NORM_B;
import static dev.trustml.samples.bert.BertWeights.EMB_NORM_W;
import static dev.trustml.samples.bert.BertWeights.FF_IN_B;
import static dev.trustml.samples.bert.BertWeights.FF_IN_W;
import static dev.trustml.samples.bert.BertWeights.FF_OUT_B;
import static dev.trustml.samples.bert.BertWeights.FF_OUT_W;
import static dev.trustml.samples.bert.BertWeights.K_B;
import static dev.trustml.samples.bert.BertWeights.K_W;
import static dev.trustml.samples.bert.BertWeights.OUT_NORM_B;
import static dev.trustml.samples.bert.BertWeights.OUT_NORM_W;
import static dev.trustml.samples.bert.BertWeights.POSITION;
import static dev.trustml.samples.bert.BertWeights.Q_B;
import static dev.trustml.samples.bert.BertWeights.Q_W;
import static dev.trustml.samples.bert.BertWeights.TOKEN_TYPE;
import static dev.trustml.samples.bert.BertWeights.V_B;
import static dev.trustml.samples.bert.BertWeights.V_W;
import static dev.trustml.samples.bert.BertWeights.WORD;

import dev.trustml.scoring.Softmax;
import dev.trustml.stats.Normal;
import java.util.Arrays;
import java.util.List;

/**
 * The BERT classifier's forward pass for one sequence in double precision, keeping what its
 * backward pass needs, and that backward pass (gradients of the parameters, summed into given
 * arrays). The forward pass is the oracle the TorchScript and ONNX files are tested against; the
 * backward pass trains the fixture, and is tested against finite differences of the forward pass.
 *
 * <p>Per encoder block (post-norm, as BERT): {@code a = LN(x + Attention(x) W_o + b_o)}, {@code out
 * = LN(a + GELU(a W_1 + b_1) W_2 + b_2)}, with multi-head scaled dot-product attention whose scores
 * get {@link BertConfig#MASKED_SCORE} at masked keys, and the exact GELU x Phi(x).
 */
final class BertNetwork {
  private final BertConfig c;
  private final double[][] p;

  /** {@code [in, out]} copies of the linear weights (null elsewhere), for {@link #linear}. */
  private final double[][] transposed;

  /**
   * @param p the parameters in {@link BertWeights#layout} order (read, never written)
   */
  BertNetwork(BertConfig c, double[][] p) {
    this.c = c;
    this.p = p;
    this.transposed = new double[p.length][];
    weightsChanged();
  }

  /** Must be called after the parameters change (a training step). */
  void weightsChanged() {
    List<BertWeights.Slot> layout = BertWeights.layout(c);
    for (int index : BertWeights.linearWeightIndices(c)) {
      long[] shape = layout.get(index).shape();
      int out = Math.toIntExact(shape[0]);
      int in = Math.toIntExact(shape[1]);
      double[] w = p[index];
      double[] t = transposed[index] == null ? new double[w.length] : transposed[index];
      for (int o = 0; o < out; o++) {
        for (int j = 0; j < in; j++) {
          t[j * out + o] = w[o * in + j];
        }
      }
      transposed[index] = t;
    }
  }

  /** A layer norm's output and what its gradient needs. */
  static final class Norm {
    final double[] out;
    final double[] xhat;
    final double[] rstd;

    Norm(double[] out, double[] xhat, double[] rstd) {
      this.out = out;
      this.xhat = xhat;
      this.rstd = rstd;
    }
  }

  /** The activations of one encoder block. */
  static final class Block {
    double[] in;
    double[] q;
    double[] k;
    double[] v;
    double[] probs;
    double[] context;
    Norm attention;
    double[] ffPre;
    double[] ffCdf;
    double[] ffAct;
    Norm output;
  }

  /** The record of one forward pass. */
  static final class Trace {
    final int n;
    final long[] ids;
    final long[] types;
    final double[] maskBias;
    Norm embeddings;
    Block[] blocks;
    double[] cls;
    double[] pooled;
    double[] logits;

    Trace(int n, long[] ids, long[] types, double[] maskBias) {
      this.n = n;
      this.ids = ids;
      this.types = types;
      this.maskBias = maskBias;
    }
  }

  /**
   * Forward from token ids: the word embedding rows are gathered, then as {@link #forward(double[],
   * double[], long[], long[])}.
   */
  Trace forward(long[] ids, double[] mask, long[] types) {
    int h = c.hidden();
    double[] emb = new double[ids.length * h];
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= c.vocabSize()) {
        throw new IllegalArgumentException(
            "token id " + ids[i] + " at position " + i + " is outside [0, " + c.vocabSize() + ")");
      }
      System.arraycopy(p[WORD], Math.toIntExact(ids[i]) * h, emb, i * h, h);
    }
    return forward(emb, mask, types, ids);
  }

  /**
   * Forward from input embeddings {@code [n, hidden]} (Hugging Face's {@code inputs_embeds}).
   *
   * @param mask 1 for a real token, 0 for padding (soft values are allowed)
   * @param types token-type ids, or null for all zeros
   */
  Trace forward(double[] inputEmbeds, double[] mask, long[] types, long[] ids) {
    int n = mask.length;
    int h = c.hidden();
    if (n < 1 || n > c.maxPositions()) {
      throw new IllegalArgumentException(
          "sequence length " + n + " is outside [1, " + c.maxPositions() + "]");
    }
    if (inputEmbeds.length != n * h) {
      throw new IllegalArgumentException(
          "embeddings hold " + inputEmbeds.length + " values, need " + n + " x " + h);
    }
    long[] t = types == null ? new long[n] : types;
    if (t.length != n) {
      throw new IllegalArgumentException(t.length + " token types for " + n + " tokens");
    }
    double[] maskBias = new double[n];
    for (int j = 0; j < n; j++) {
      maskBias[j] = (1.0 - mask[j]) * BertConfig.MASKED_SCORE;
    }
    Trace tr = new Trace(n, ids, t, maskBias);
    double[] sum = new double[n * h];
    for (int i = 0; i < n; i++) {
      if (t[i] < 0 || t[i] >= c.typeVocabSize()) {
        throw new IllegalArgumentException("token type " + t[i] + " at position " + i);
      }
      int typeBase = Math.toIntExact(t[i]) * h;
      for (int j = 0; j < h; j++) {
        sum[i * h + j] =
            inputEmbeds[i * h + j] + p[POSITION][i * h + j] + p[TOKEN_TYPE][typeBase + j];
      }
    }
    tr.embeddings = layerNorm(sum, n, h, p[EMB_NORM_W], p[EMB_NORM_B]);
    double[] x = tr.embeddings.out;
    tr.blocks = new Block[c.layers()];
    for (int layer = 0; layer < c.layers(); layer++) {
      tr.blocks[layer] = block(layer, x, maskBias, n);
      x = tr.blocks[layer].output.out;
    }
    int pool = BertWeights.poolerIndex(c);
    tr.cls = Arrays.copyOf(x, h);
    double[] pre = linear(tr.cls, 1, h, pool, h);
    for (int j = 0; j < h; j++) {
      pre[j] = Math.tanh(pre[j]);
    }
    tr.pooled = pre;
    tr.logits = linear(tr.pooled, 1, h, pool + 2, c.numLabels());
    return tr;
  }

  private Block block(int layer, double[] x, double[] maskBias, int n) {
    int h = c.hidden();
    int ff = c.intermediate();
    Block b = new Block();
    b.in = x;
    b.q = linear(x, n, h, BertWeights.layerIndex(layer, Q_W), h);
    b.k = linear(x, n, h, BertWeights.layerIndex(layer, K_W), h);
    b.v = linear(x, n, h, BertWeights.layerIndex(layer, V_W), h);
    b.probs = new double[c.heads() * n * n];
    b.context = new double[n * h];
    int dh = c.headDim();
    double scale = 1.0 / Math.sqrt(dh);
    for (int head = 0; head < c.heads(); head++) {
      int off = head * dh;
      for (int i = 0; i < n; i++) {
        int row = (head * n + i) * n;
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int d = 0; d < dh; d++) {
            s += b.q[i * h + off + d] * b.k[j * h + off + d];
          }
          b.probs[row + j] = s * scale + maskBias[j];
        }
        Softmax.probabilitiesInPlace(b.probs, row, n);
        for (int j = 0; j < n; j++) {
          double pij = b.probs[row + j];
          for (int d = 0; d < dh; d++) {
            b.context[i * h + off + d] += pij * b.v[j * h + off + d];
          }
        }
      }
    }
    double[] a = linear(b.context, n, h, BertWeights.layerIndex(layer, ATT_OUT_W), h);
    for (int i = 0; i < a.length; i++) {
      a[i] += x[i];
    }
    b.attention = layerNorm(a, n, h, w(layer, ATT_NORM_W), w(layer, ATT_NORM_B));
    b.ffPre = linear(b.attention.out, n, h, BertWeights.layerIndex(layer, FF_IN_W), ff);
    b.ffCdf = new double[b.ffPre.length];
    b.ffAct = new double[b.ffPre.length];
    for (int i = 0; i < b.ffPre.length; i++) {
      b.ffCdf[i] = Normal.cdf(b.ffPre[i]);
      b.ffAct[i] = b.ffPre[i] * b.ffCdf[i];
    }
    double[] o = linear(b.ffAct, n, ff, BertWeights.layerIndex(layer, FF_OUT_W), h);
    for (int i = 0; i < o.length; i++) {
      o[i] += b.attention.out[i];
    }
    b.output = layerNorm(o, n, h, w(layer, OUT_NORM_W), w(layer, OUT_NORM_B));
    return b;
  }

  /**
   * Adds the gradients of {@code dLogits . logits} with respect to every parameter to {@code grads}
   * (same layout as the parameters). When the trace came from token ids, the word-embedding
   * gradient goes to their rows.
   *
   * @param dInputEmbeds if not null, receives the gradient with respect to the input embeddings
   */
  void backward(Trace tr, double[] dLogits, double[][] grads, double[] dInputEmbeds) {
    int n = tr.n;
    int h = c.hidden();
    int pool = BertWeights.poolerIndex(c);
    double[] dPooled = new double[h];
    linearBackward(
        dLogits,
        tr.pooled,
        1,
        h,
        c.numLabels(),
        p[pool + 2],
        grads[pool + 2],
        grads[pool + 3],
        dPooled);
    double[] dPre = new double[h];
    for (int j = 0; j < h; j++) {
      dPre[j] = dPooled[j] * (1 - tr.pooled[j] * tr.pooled[j]);
    }
    double[] dx = new double[n * h];
    linearBackward(dPre, tr.cls, 1, h, h, p[pool], grads[pool], grads[pool + 1], dx);
    for (int layer = c.layers() - 1; layer >= 0; layer--) {
      dx = blockBackward(layer, tr.blocks[layer], dx, tr.maskBias, n, grads);
    }
    double[] dSum =
        layerNormBackward(
            tr.embeddings, dx, n, h, p[EMB_NORM_W], grads[EMB_NORM_W], grads[EMB_NORM_B]);
    for (int i = 0; i < n; i++) {
      int typeBase = Math.toIntExact(tr.types[i]) * h;
      int wordBase = tr.ids == null ? -1 : Math.toIntExact(tr.ids[i]) * h;
      for (int j = 0; j < h; j++) {
        double g = dSum[i * h + j];
        grads[POSITION][i * h + j] += g;
        grads[TOKEN_TYPE][typeBase + j] += g;
        if (wordBase >= 0) {
          grads[WORD][wordBase + j] += g;
        }
        if (dInputEmbeds != null) {
          dInputEmbeds[i * h + j] += g;
        }
      }
    }
  }

  private double[] blockBackward(
      int layer, Block b, double[] dOut, double[] maskBias, int n, double[][] grads) {
    int h = c.hidden();
    int ff = c.intermediate();
    double[] dResidual2 =
        layerNormBackward(
            b.output,
            dOut,
            n,
            h,
            w(layer, OUT_NORM_W),
            g(grads, layer, OUT_NORM_W),
            g(grads, layer, OUT_NORM_B));
    double[] dAttOut = dResidual2.clone();
    double[] dAct = new double[n * ff];
    linearBackward(
        dResidual2,
        b.ffAct,
        n,
        ff,
        h,
        w(layer, FF_OUT_W),
        g(grads, layer, FF_OUT_W),
        g(grads, layer, FF_OUT_B),
        dAct);
    for (int i = 0; i < dAct.length; i++) {
      // d/dx x Phi(x) = Phi(x) + x phi(x)
      dAct[i] *= b.ffCdf[i] + b.ffPre[i] * Normal.pdf(b.ffPre[i]);
    }
    linearBackward(
        dAct,
        b.attention.out,
        n,
        h,
        ff,
        w(layer, FF_IN_W),
        g(grads, layer, FF_IN_W),
        g(grads, layer, FF_IN_B),
        dAttOut);
    double[] dResidual1 =
        layerNormBackward(
            b.attention,
            dAttOut,
            n,
            h,
            w(layer, ATT_NORM_W),
            g(grads, layer, ATT_NORM_W),
            g(grads, layer, ATT_NORM_B));
    double[] dIn = dResidual1.clone();
    double[] dContext = new double[n * h];
    linearBackward(
        dResidual1,
        b.context,
        n,
        h,
        h,
        w(layer, ATT_OUT_W),
        g(grads, layer, ATT_OUT_W),
        g(grads, layer, ATT_OUT_B),
        dContext);
    double[] dq = new double[n * h];
    double[] dk = new double[n * h];
    double[] dv = new double[n * h];
    int dh = c.headDim();
    double scale = 1.0 / Math.sqrt(dh);
    double[] dp = new double[n];
    for (int head = 0; head < c.heads(); head++) {
      int off = head * dh;
      for (int i = 0; i < n; i++) {
        int row = (head * n + i) * n;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
          double pij = b.probs[row + j];
          double s = 0;
          for (int d = 0; d < dh; d++) {
            double dc = dContext[i * h + off + d];
            s += dc * b.v[j * h + off + d];
            dv[j * h + off + d] += pij * dc;
          }
          dp[j] = s;
          weighted += pij * s;
        }
        for (int j = 0; j < n; j++) {
          double ds = b.probs[row + j] * (dp[j] - weighted) * scale;
          if (ds == 0) {
            continue;
          }
          for (int d = 0; d < dh; d++) {
            dq[i * h + off + d] += ds * b.k[j * h + off + d];
            dk[j * h + off + d] += ds * b.q[i * h + off + d];
          }
        }
      }
    }
    linearBackward(
        dq, b.in, n, h, h, w(layer, Q_W), g(grads, layer, Q_W), g(grads, layer, Q_B), dIn);
    linearBackward(
        dk, b.in, n, h, h, w(layer, K_W), g(grads, layer, K_W), g(grads, layer, K_B), dIn);
    linearBackward(
        dv, b.in, n, h, h, w(layer, V_W), g(grads, layer, V_W), g(grads, layer, V_B), dIn);
    return dIn;
  }

  private double[] w(int layer, int offset) {
    return p[BertWeights.layerIndex(layer, offset)];
  }

  private static double[] g(double[][] grads, int layer, int offset) {
    return grads[BertWeights.layerIndex(layer, offset)];
  }

  /**
   * {@code y[i, o] = b[o] + sum_j x[i, j] w[o, j]} for {@code n} rows, with the weight at {@code
   * index} and its bias after it. The sum runs over j in order, as a dot product would, but along
   * the transposed weight, so that the inner loop is an axpy the JIT vectorises.
   */
  private double[] linear(double[] x, int n, int in, int index, int out) {
    double[] wt = transposed[index];
    double[] b = p[index + 1];
    double[] y = new double[n * out];
    for (int i = 0; i < n; i++) {
      int yi = i * out;
      System.arraycopy(b, 0, y, yi, out);
      for (int j = 0; j < in; j++) {
        double xj = x[i * in + j];
        int wj = j * out;
        for (int o = 0; o < out; o++) {
          y[yi + o] += xj * wt[wj + o];
        }
      }
    }
    return y;
  }

  /** Adds the gradients of {@link #linear} to {@code dw}, {@code db} and {@code dx}. */
  static void linearBackward(
      double[] dy,
      double[] x,
      int n,
      int in,
      int out,
      double[] w,
      double[] dw,
      double[] db,
      double[] dx) {
    for (int i = 0; i < n; i++) {
      int xi = i * in;
      for (int o = 0; o < out; o++) {
        double g = dy[i * out + o];
        if (g == 0) {
          continue;
        }
        db[o] += g;
        int wo = o * in;
        for (int j = 0; j < in; j++) {
          dw[wo + j] += g * x[xi + j];
          dx[xi + j] += g * w[wo + j];
        }
      }
    }
  }

  /** Layer norm over the last dimension (biased variance, {@link BertConfig#LAYER_NORM_EPS}). */
  static Norm layerNorm(double[] x, int n, int h, double[] gain, double[] shift) {
    double[] out = new double[n * h];
    double[] xhat = new double[n * h];
    double[] rstd = new double[n];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int j = 0; j < h; j++) {
        mean += x[i * h + j];
      }
      mean /= h;
      double var = 0;
      for (int j = 0; j < h; j++) {
        double d = x[i * h + j] - mean;
        var += d * d;
      }
      var /= h;
      rstd[i] = 1.0 / Math.sqrt(var + BertConfig.LAYER_NORM_EPS);
      for (int j = 0; j < h; j++) {
        double xh = (x[i * h + j] - mean) * rstd[i];
        xhat[i * h + j] = xh;
        out[i * h + j] = gain[j] * xh + shift[j];
      }
    }
    return new Norm(out, xhat, rstd);
  }

  /** The gradient with respect to the layer norm's input; adds the gain and shift gradients. */
  static double[] layerNormBackward(
      Norm norm, double[] dy, int n, int h, double[] gain, double[] dGain, double[] dShift) {
    double[] dx = new double[n * h];
    double[] dxhat = new double[h];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double sumX = 0;
      for (int j = 0; j < h; j++) {
        double g = dy[i * h + j];
        double xh = norm.xhat[i * h + j];
        dGain[j] += g * xh;
        dShift[j] += g;
        dxhat[j] = g * gain[j];
        sum += dxhat[j];
        sumX += dxhat[j] * xh;
      }
      double meanD = sum / h;
      double meanDx = sumX / h;
      for (int j = 0; j < h; j++) {
        dx[i * h + j] = norm.rstd[i] * (dxhat[j] - meanD - norm.xhat[i * h + j] * meanDx);
      }
    }
    return dx;
  }
}
