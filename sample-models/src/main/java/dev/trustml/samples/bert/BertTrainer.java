package dev.trustml.samples.bert;

import dev.trustml.optim.Adam;
import dev.trustml.scoring.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the BERT-shaped classifier in plain Java: mini-batch Adam on the mean cross-entropy, with
 * gradients from {@link BertNetwork}'s backward pass, in double precision, one thread.
 * Deterministic: each batch is drawn uniformly with replacement by a seeded generator, and nothing
 * else is random. Each row is run at its own length (no padding), which gives the same logits as
 * the padded batch (masked keys get exactly zero attention).
 */
public final class BertTrainer {
  /** A tokenized row: ids with [CLS] and [SEP], and its class index. */
  public record Example(long[] ids, int label) {
    public Example {
      ids = ids.clone();
    }

    @Override
    public long[] ids() {
      return ids.clone();
    }
  }

  /**
   * @param steps optimiser steps
   * @param batchSize rows per step
   * @param learningRate Adam's step size
   * @param seed the seed of the batch draws
   */
  public record Settings(int steps, int batchSize, double learningRate, long seed) {
    public Settings {
      if (steps < 0 || batchSize < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException(
            "steps >= 0, batch size >= 1 and a positive learning rate are needed");
      }
    }
  }

  /** The trained weights and the mean training loss of each step. */
  public record Result(BertWeights weights, double[] stepLosses) {
    public Result {
      stepLosses = stepLosses.clone();
    }

    @Override
    public double[] stepLosses() {
      return stepLosses.clone();
    }
  }

  private BertTrainer() {}

  /** Trains from {@code initial} on {@code data}. */
  public static Result train(BertWeights initial, List<Example> data, Settings s) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("no training rows");
    }
    BertConfig c = initial.config();
    int k = c.numLabels();
    for (Example e : data) {
      if (e.label() < 0 || e.label() >= k) {
        throw new IllegalArgumentException("label index " + e.label() + " outside [0, " + k + ")");
      }
    }
    double[][] theta = initial.toDoubles();
    double[][] grads = new double[theta.length][];
    for (int i = 0; i < theta.length; i++) {
      grads[i] = new double[theta[i].length];
    }
    BertNetwork network = new BertNetwork(c, theta);
    // Adam: plain SGD does not move a freshly initialised post-norm Transformer (its 0.02-scale
    // weights shrink the gradients of every layer below the head); per-coordinate scaling does.
    Adam adam = Adam.forTensors(s.learningRate(), theta);
    SplittableRandom random = new SplittableRandom(s.seed());
    int h = c.hidden();
    double[] losses = new double[s.steps()];
    List<Long> touchedRows = new ArrayList<>();
    for (int step = 0; step < s.steps(); step++) {
      for (int i = 0; i < grads.length; i++) {
        if (i != BertWeights.WORD) {
          Arrays.fill(grads[i], 0);
        }
      }
      touchedRows.clear();
      double loss = 0;
      for (int b = 0; b < s.batchSize(); b++) {
        Example e = data.get(random.nextInt(data.size()));
        long[] ids = e.ids;
        double[] mask = new double[ids.length];
        Arrays.fill(mask, 1);
        BertNetwork.Trace tr = network.forward(ids, mask, null);
        float[] z = new float[k];
        for (int j = 0; j < k; j++) {
          z[j] = (float) tr.logits[j];
        }
        double[] probs = Softmax.probabilities(z, 0, k);
        loss += Softmax.loss(z, 0, k, e.label());
        double[] dLogits = new double[k];
        for (int j = 0; j < k; j++) {
          dLogits[j] = (probs[j] - (j == e.label() ? 1 : 0)) / s.batchSize();
        }
        network.backward(tr, dLogits, grads, null);
        for (long id : ids) {
          touchedRows.add(id);
        }
      }
      losses[step] = loss / s.batchSize();
      adam.step(theta, grads);
      network.weightsChanged();
      // The word embedding is 30,522 rows and a batch uses a few hundred: clear only those.
      double[] wordGrad = grads[BertWeights.WORD];
      for (long id : touchedRows) {
        Arrays.fill(wordGrad, Math.toIntExact(id) * h, Math.toIntExact(id + 1) * h, 0);
      }
    }
    return new Result(BertWeights.fromDoubles(c, theta), losses);
  }
}
