package dev.trustml.canary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Test double for the model: reads the slot values back out of a sentence built from a template
 * whose fixed text is a prefix of whitespace-separated words followed by the slots, and returns a
 * loss computed from those values. Partial canaries (unfilled slots left out) yield fewer values.
 */
final class FakeScorer implements CandidateScorer {
  private final CanaryTemplate template;
  private final int prefixWords;
  private final int batchSize;
  private final ToDoubleFunction<int[]> lossOfPositions;
  final List<Integer> batchSizes = new ArrayList<>();
  final List<String> seen = new ArrayList<>();

  FakeScorer(CanaryTemplate template, int batchSize, ToDoubleFunction<int[]> lossOfPositions) {
    this.template = template;
    this.prefixWords = template.fixedSegments().get(0).strip().split("\\s+").length;
    this.batchSize = batchSize;
    this.lossOfPositions = lossOfPositions;
  }

  @Override
  public double[] losses(List<String> sentences) {
    if (sentences.size() > batchSize) {
      throw new AssertionError("batch of " + sentences.size() + " > " + batchSize);
    }
    batchSizes.add(sentences.size());
    seen.addAll(sentences);
    double[] out = new double[sentences.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = lossOfPositions.applyAsDouble(positions(sentences.get(i)));
    }
    return out;
  }

  @Override
  public int preferredBatchSize() {
    return batchSize;
  }

  /** Alphabet positions of the slot values present in {@code sentence}, in slot order. */
  int[] positions(String sentence) {
    String[] words = sentence.strip().split("\\s+");
    String[] values = Arrays.copyOfRange(words, prefixWords, words.length);
    int[] out = new int[values.length];
    for (int slot = 0; slot < values.length; slot++) {
      out[slot] = template.alphabet(slot).positionOf(values[slot]);
    }
    return out;
  }

  long scoredCount() {
    return seen.size();
  }

  /** Number of slots (among those present) that differ from {@code secret}. */
  static int hamming(int[] present, Secret secret) {
    int d = 0;
    for (int i = 0; i < present.length; i++) {
      if (present[i] != secret.position(i)) {
        d++;
      }
    }
    return d;
  }
}
