package dev.trustml.samples.bert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded initial weights, as BERT initialises them. */
public final class BertInit {
  /** BERT's {@code initializer_range}: the standard deviation of every weight matrix. */
  public static final double STD = 0.02;

  private BertInit() {}

  /**
   * N(0, 0.02^2) for embeddings and weight matrices, zero biases, layer-norm gains 1 and shifts 0,
   * and a zero row for the padding token (id 0), as Hugging Face's {@code BertPreTrainedModel}
   * initialises a fresh model. Draws come from {@code SplittableRandom(seed).nextGaussian()}, whose
   * algorithm the JDK fixes (an {@code @implSpec} since Java 17), so a seed gives the same weights
   * everywhere.
   */
  public static BertWeights initial(BertConfig c, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<float[]> values = new ArrayList<>();
    for (BertWeights.Slot s : BertWeights.layout(c)) {
      float[] v = new float[s.size()];
      String name = s.name();
      if (name.endsWith("norm_weight")) {
        Arrays.fill(v, 1f);
      } else if (!name.endsWith("bias")) {
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) (STD * rnd.nextGaussian());
        }
      }
      values.add(v);
    }
    float[] word = values.get(BertWeights.WORD);
    Arrays.fill(word, 0, c.hidden(), 0f);
    return BertWeights.of(c, values);
  }
}
