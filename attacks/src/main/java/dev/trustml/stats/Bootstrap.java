package dev.trustml.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded percentile bootstrap (Efron &amp; Tibshirani 1993, ch. 13) for ROC statistics.
 *
 * <p>Resampling is the Poisson bootstrap (Hanley &amp; MacGibbon 2006; Chamandy et al. 2012,
 * "Estimating uncertainty for massive data streams"): every row gets an independent Poisson(1)
 * multiplicity instead of a multinomial one, which matches the classic bootstrap to first order.
 * Its point here is speed: the multiplicities of the s rows sharing a distinct score add up to one
 * Poisson(s) draw, so a replicate is a sequential sweep over the original curve's groups, O(n) with
 * no sorting and no random memory access. Members and non-members are weighted separately and every
 * rate is taken against the replicate's own weighted class totals (a replicate where one class gets
 * total weight 0 is redrawn).
 *
 * <p>Replicate b draws from its own generator, seeded by the b-th output of a generator seeded with
 * {@code seed}; replicates run in parallel chunks, and the result does not depend on the number of
 * threads.
 */
public final class Bootstrap {
  /** The default number of bootstrap replicates. */
  public static final int DEFAULT_RESAMPLES = 1000;

  // Poisson(s) is drawn by inversion in chunks of at most this mean, keeping exp(-mean) normal.
  private static final int MAX_CHUNK_MEAN = 30;
  private static final double[] EXP_NEG = new double[MAX_CHUNK_MEAN + 1];

  // Poisson(1) by inversion of a 32-bit uniform: ONE_CDF[k] = floor(2^32 P[Poisson(1) <= k]).
  // The resolution 2^-32 distorts each probability by < 2.4e-10; P[k > 13] < 2^-32 is dropped.
  private static final long[] ONE_CDF = new long[14];

  static {
    for (int s = 0; s <= MAX_CHUNK_MEAN; s++) {
      EXP_NEG[s] = Math.exp(-s);
    }
    double pmf = Math.exp(-1);
    double cdf = 0;
    for (int k = 0; k < ONE_CDF.length; k++) {
      cdf += pmf;
      pmf /= k + 1;
      ONE_CDF[k] = (long) Math.floor(Math.min(cdf, 1.0) * 4294967296.0);
    }
    ONE_CDF[ONE_CDF.length - 1] = 1L << 32;
  }

  private Bootstrap() {}

  /**
   * Intervals for AUC, advantage and TPR at each of fprs.
   *
   * @param curve the observed curve
   * @param fprs FPR budgets for TPR@FPR (each in [0, 1])
   * @param resamples number of replicates, &gt;= 1
   * @param confidence two-sided level of the percentile intervals, in (0, 1)
   * @param seed seed of the resampling; same inputs and seed give identical intervals
   */
  public static RocBootstrap roc(
      RocCurve curve, double[] fprs, int resamples, double confidence, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap needs at least 1 resample, got " + resamples);
    }
    checkConfidence(confidence);
    for (double fpr : fprs) {
      RocCurve.checkRate(fpr);
    }
    long[] seeds = new long[resamples];
    SplittableRandom root = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      seeds[b] = root.nextLong();
    }
    double[] aucs = new double[resamples];
    double[] advantages = new double[resamples];
    double[][] tprs = new double[fprs.length][resamples];
    int chunks = Math.min(resamples, Math.max(1, Runtime.getRuntime().availableProcessors()));
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              Replicate replicate = new Replicate(curve, fprs);
              for (int b = chunk; b < resamples; b += chunks) {
                replicate.run(new SplittableRandom(seeds[b]));
                aucs[b] = replicate.auc;
                advantages[b] = replicate.advantage;
                for (int j = 0; j < fprs.length; j++) {
                  tprs[j][b] = replicate.tpr[j];
                }
              }
            });
    List<Interval> tprIntervals = new ArrayList<>();
    for (double[] replicates : tprs) {
      tprIntervals.add(percentile(replicates, confidence));
    }
    return new RocBootstrap(
        percentile(aucs, confidence),
        percentile(advantages, confidence),
        tprIntervals,
        resamples,
        seed);
  }

  /** Scratch space and results of one replicate; one instance per thread. */
  private static final class Replicate {
    private final int[] groupTp;
    private final int[] groupFp;
    private final double[] fprs;
    // Replicate cumulative weights per point.
    private final int[] tp;
    private final int[] fp;
    private final long[] maxFp;
    double auc;
    double advantage;
    final double[] tpr;
    // Two 32-bit uniforms per nextLong().
    private long bits;
    private boolean haveHalf;

    Replicate(RocCurve curve, double[] fprs) {
      int[] cumulativeTp = curve.truePositiveCounts();
      int[] cumulativeFp = curve.falsePositiveCounts();
      int points = cumulativeTp.length;
      this.groupTp = new int[points];
      this.groupFp = new int[points];
      for (int g = 1; g < points; g++) {
        groupTp[g] = cumulativeTp[g] - cumulativeTp[g - 1];
        groupFp[g] = cumulativeFp[g] - cumulativeFp[g - 1];
      }
      this.fprs = fprs;
      this.tp = new int[points];
      this.fp = new int[points];
      this.maxFp = new long[fprs.length];
      this.tpr = new double[fprs.length];
    }

    void run(SplittableRandom random) {
      int points = tp.length;
      long twiceU;
      do {
        haveHalf = false;
        twiceU = 0;
        for (int g = 1; g < points; g++) {
          tp[g] = tp[g - 1] + draw(groupTp[g], random);
          int fpGroup = draw(groupFp[g], random);
          fp[g] = fp[g - 1] + fpGroup;
          twiceU += (long) fpGroup * ((long) tp[g - 1] + tp[g]);
        }
      } while (tp[points - 1] == 0 || fp[points - 1] == 0);
      long members = tp[points - 1];
      long nonMembers = fp[points - 1];
      long[] bestTp = new long[fprs.length];
      for (int j = 0; j < fprs.length; j++) {
        maxFp[j] = RocCurve.maxFalsePositives(fprs[j], nonMembers);
      }
      // Advantage max over g of tp/N1 - fp/N0, compared in integers: tp N0 - fp N1.
      long bestScaled = 0;
      for (int g = 1; g < points; g++) {
        bestScaled = Math.max(bestScaled, tp[g] * nonMembers - fp[g] * members);
        for (int j = 0; j < maxFp.length; j++) {
          if (fp[g] <= maxFp[j]) {
            bestTp[j] = tp[g];
          }
        }
      }
      auc = twiceU / (2.0 * members * nonMembers);
      advantage = bestScaled / ((double) members * nonMembers);
      for (int j = 0; j < fprs.length; j++) {
        tpr[j] = bestTp[j] / (double) members;
      }
    }

    private int draw(int mean, SplittableRandom random) {
      if (mean == 0) {
        return 0;
      }
      if (mean > 1) {
        return Math.toIntExact(poisson(mean, random));
      }
      long u;
      if (haveHalf) {
        u = bits >>> 32;
        haveHalf = false;
      } else {
        bits = random.nextLong();
        u = bits & 0xFFFFFFFFL;
        haveHalf = true;
      }
      int k = 0;
      while (u >= ONE_CDF[k]) {
        k++;
      }
      return k;
    }
  }

  /**
   * A Poisson(mean) draw for an integer mean: the sum of Poisson(&lt;= 30) chunks, each by
   * sequential-search inversion (Devroye 1986, section X.3.2); expected cost O(mean).
   */
  static long poisson(int mean, SplittableRandom random) {
    long total = 0;
    int left = mean;
    while (left > 0) {
      int chunk = Math.min(left, MAX_CHUNK_MEAN);
      left -= chunk;
      double u = random.nextDouble();
      double p = EXP_NEG[chunk];
      double cdf = p;
      int k = 0;
      // The cap only matters when rounding leaves cdf a hair below u; its tail mass is < 1e-40.
      while (u > cdf && k < 200) {
        k++;
        p *= (double) chunk / k;
        cdf += p;
      }
      total += k;
    }
    return total;
  }

  /**
   * The percentile interval of bootstrap replicates: the (1-c)/2 and (1+c)/2 sample quantiles,
   * linearly interpolated (Hyndman &amp; Fan 1996 type 7, numpy's default).
   */
  public static Interval percentile(double[] replicates, double confidence) {
    checkConfidence(confidence);
    if (replicates.length == 0) {
      throw new IllegalArgumentException("percentile interval needs at least one replicate");
    }
    double[] sorted = replicates.clone();
    Arrays.sort(sorted);
    return new Interval(
        quantile(sorted, 0.5 * (1.0 - confidence)),
        quantile(sorted, 0.5 * (1.0 + confidence)),
        confidence);
  }

  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }
}
