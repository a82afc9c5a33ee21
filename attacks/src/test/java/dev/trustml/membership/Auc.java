package dev.trustml.membership;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Test-only ROC AUC via the Mann-Whitney U statistic, ties counted one half (mid-ranks). */
final class Auc {
  private Auc() {}

  static double of(double[] scores, boolean[] members) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double[] rank = new double[scores.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = midRank;
      }
      i = j + 1;
    }
    long positives = 0;
    double rankSum = 0.0;
    for (int k = 0; k < scores.length; k++) {
      if (members[k]) {
        positives++;
        rankSum += rank[k];
      }
    }
    long negatives = scores.length - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
