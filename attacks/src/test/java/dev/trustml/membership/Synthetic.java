package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test-only synthetic audits. Two classes, label 0, logits {@code [phi, 0]}, so the logit-scaled
 * confidence of every row is exactly {@code phi} (up to float rounding) and {@code p_y =
 * sigmoid(phi)}.
 *
 * <p>The LiRA/RMIA generative model: row {@code i} has its own mean {@code mu_i} and spread {@code
 * sd_i}; a model that trained on the row sees {@code phi ~ N(mu_i + shift, sd_i^2)}, any other
 * model {@code N(mu_i, sd_i^2)}. Reference models come in complementary pairs (each row IN for
 * exactly one model of each pair), so every row has as many IN as OUT references.
 */
final class Synthetic {
  private Synthetic() {}

  /** A synthetic audit: the attack input and the planted membership of each audit row. */
  record Audit(AttackInput input, boolean[] members) {}

  /** Parameters of the generative model above. */
  record Spec(
      int rows,
      int referencePairs,
      int populationRows,
      double meanLow,
      double meanHigh,
      double sdLow,
      double sdHigh,
      double shift,
      long seed) {}

  static ModelOutputs fromPhi(String source, double[] phi) throws BadInputException {
    int[] labels = new int[phi.length];
    float[] logits = new float[2 * phi.length];
    for (int i = 0; i < phi.length; i++) {
      logits[2 * i] = (float) phi[i];
    }
    return ModelOutputs.of(source, 2, labels, logits);
  }

  static Audit audit(Spec spec) throws BadInputException {
    Random random = new Random(spec.seed());
    int n = spec.rows();
    double[] mu = new double[n];
    double[] sd = new double[n];
    boolean[] members = new boolean[n];
    double[] targetPhi = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = uniform(random, spec.meanLow(), spec.meanHigh());
      sd[i] = uniform(random, spec.sdLow(), spec.sdHigh());
      members[i] = random.nextBoolean();
      targetPhi[i] = mu[i] + (members[i] ? spec.shift() : 0.0) + sd[i] * random.nextGaussian();
    }
    int m = 2 * spec.referencePairs();
    boolean[][] in = new boolean[m][n];
    List<ModelOutputs> refs = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      double[] phi = new double[n];
      for (int i = 0; i < n; i++) {
        in[j][i] = j % 2 == 0 ? random.nextBoolean() : !in[j - 1][i];
        phi[i] = mu[i] + (in[j][i] ? spec.shift() : 0.0) + sd[i] * random.nextGaussian();
      }
      refs.add(fromPhi("reference " + j, phi));
    }

    int p = spec.populationRows();
    double[] zMu = new double[p];
    double[] zSd = new double[p];
    double[] zTarget = new double[p];
    for (int i = 0; i < p; i++) {
      zMu[i] = uniform(random, spec.meanLow(), spec.meanHigh());
      zSd[i] = uniform(random, spec.sdLow(), spec.sdHigh());
      zTarget[i] = zMu[i] + zSd[i] * random.nextGaussian();
    }
    List<ModelOutputs> zRefs = new ArrayList<>();
    for (int j = 0; j < m && p > 0; j++) {
      double[] phi = new double[p];
      for (int i = 0; i < p; i++) {
        phi[i] = zMu[i] + zSd[i] * random.nextGaussian();
      }
      zRefs.add(fromPhi("reference " + j + " on population", phi));
    }
    // Vocabulary coverage independent of membership (a public vocabulary): 1-20 tokens, each
    // unknown with probability 0.2.
    int[] tokens = new int[n];
    int[] unknown = new int[n];
    float[] rarest = new float[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = 1 + random.nextInt(20);
      for (int t = 0; t < tokens[i]; t++) {
        unknown[i] += random.nextDouble() < 0.2 ? 1 : 0;
      }
      rarest[i] = random.nextFloat();
    }
    AttackInput input =
        AttackInput.of(
            fromPhi("target", targetPhi),
            ReferenceOutputs.of(refs, in),
            p == 0 ? null : PopulationOutputs.of(fromPhi("target on population", zTarget), zRefs),
            spec.seed(),
            new VocabularyCoverage(tokens, unknown, rarest));
    return new Audit(input, members);
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
