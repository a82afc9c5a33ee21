package dev.trustml.audit;

import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.error.BadInputException;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.model.Classifier;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.Theoretical;
import dev.trustml.scoring.BatchLogits;
import dev.trustml.stats.OneRunAudit;
import dev.trustml.stats.OneRunAuditResult;
import dev.trustml.stats.Shuffle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The one-run canary audit (Steinke, Nasr &amp; Jagielski, "Privacy Auditing with One (1) Training
 * Run", NeurIPS 2023; the bound is {@link OneRunAudit}): every canary of an audit set was put into
 * the training data by its own fair coin, the model scores each canary, the top k+ are guessed "in"
 * and the bottom k- "out", and the right guesses bound epsilon.
 *
 * <p><b>Score.</b> A canary's score is the logit-scaled confidence of its label, phi = log p_y -
 * log(1 - p_y) (the statistic LiRA models as Gaussian, Carlini et al. 2022), minus the median phi
 * of the same label on fresh uniformly drawn secrets of the same template. The label was drawn at
 * random, so a canary the model did not train on gets the model's prior for that label on that kind
 * of text; subtracting that prior (estimated from secrets no one trained on) keeps the ranking from
 * sorting canaries by their label, e.g. by the majority class of an imbalanced task, instead of by
 * memorisation. phi ranks a canary's labels like its loss does but stays finite and unsaturated
 * where a well-fit model's p_y rounds to 1.
 *
 * <p><b>Guess counts without peeking.</b> The theorem holds for guess counts fixed before the
 * inclusion bits are seen. A seeded random half of the audit set (the selection half) picks k+ and
 * k- as fractions of its size from a fixed grid, maximising its own bound; the reported bound uses
 * those fractions on the other half only. The selection half's bits are independent of the bound
 * half's, so for the bound half the guesses are a function of the model and of independent data, as
 * the theorem allows; its m is the bound half's size.
 */
final class AuditSetAudit {
  /** Fewer canaries than this cannot be split into two useful halves. */
  static final int MIN_CANARIES = 4;

  /** Reference secrets per (template, label) whose median phi calibrates the score. */
  static final int REFERENCES = 64;

  /** The grid of guess fractions (of a half) tried for k+ and k-. */
  private static final double[] FRACTIONS = {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5};

  private static final double DEFAULT_FRACTION = 0.1;
  private static final long SPLIT_SALT = 0x5EED_5A17L;
  private static final long REFERENCE_SALT = 0x2EF_E2E7L;

  /** How the score is described in reports. */
  static final String SCORE =
      "logit-scaled confidence of the canary's label, minus its median on "
          + REFERENCES
          + " fresh secrets of the same template and label";

  private AuditSetAudit() {}

  /** The canaries' scores (higher = more likely trained on) and their inclusion bits. */
  record Scored(double[] scores, boolean[] included) {}

  /**
   * Scores every canary of the audit set.
   *
   * @throws BadInputException if a canary's label is not one of the model's
   */
  static Scored score(Classifier model, List<PlantedCanary> set, long seed)
      throws BadInputException {
    int m = set.size();
    int[] labels = new int[m];
    List<String> sentences = new ArrayList<>(m);
    boolean[] included = new boolean[m];
    for (int i = 0; i < m; i++) {
      PlantedCanary c = set.get(i);
      labels[i] = labelIndex(model, c);
      sentences.add(c.sentence());
      included[i] = c.inData();
    }
    double[] phi = phi(model, sentences, labels);
    // Reference secrets per (template, label), drawn in the order groups first appear.
    SplittableRandom random = new SplittableRandom(seed ^ REFERENCE_SALT);
    Map<String, Double> baseline = new HashMap<>();
    double[] scores = new double[m];
    for (int i = 0; i < m; i++) {
      PlantedCanary c = set.get(i);
      String key = c.template().source() + "\u0000" + labels[i];
      Double base = baseline.get(key);
      if (base == null) {
        base = median(references(model, c.template(), labels[i], random));
        baseline.put(key, base);
      }
      scores[i] = phi[i] - base;
    }
    return new Scored(scores, included);
  }

  private static double[] references(
      Classifier model, CanaryTemplate template, int label, SplittableRandom random)
      throws BadInputException {
    List<String> sentences = new ArrayList<>(REFERENCES);
    for (int r = 0; r < REFERENCES; r++) {
      sentences.add(template.render(template.randomSecret(random)));
    }
    int[] labels = new int[REFERENCES];
    Arrays.fill(labels, label);
    return phi(model, sentences, labels);
  }

  private static double[] phi(Classifier model, List<String> sentences, int[] labels)
      throws BadInputException {
    int k = model.numLabels();
    ModelOutputs outputs =
        ModelOutputs.of(
            "audit-set canary outputs", k, labels, BatchLogits.ofTexts(model, sentences));
    double[] out = new double[sentences.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = outputs.logitScaledConfidence(i);
    }
    return out;
  }

  private static int labelIndex(Classifier model, PlantedCanary c) throws BadInputException {
    int label = model.card().labelIndex(c.label());
    if (label < 0) {
      throw new BadInputException(
          "audit-set canary "
              + (c.id() == null ? "'" + c.sentence() + "'" : c.id())
              + " has label '"
              + c.label()
              + "', which is not one of the model's labels ("
              + String.join(", ", model.card().labels())
              + ")");
    }
    return label;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  /**
   * The bound from scores and bits: guess counts chosen on the selection half, the bound computed
   * on the other half at {@code testConfidence}. Pure: same inputs and seed, same result.
   *
   * @param claim the claimed privacy (its delta is used; the p-value is against it), or null
   * @param testConfidence this bound's share of the family-wise confidence
   * @param confidence the family-wise confidence reported with it
   */
  static AuditSetResult bound(
      double[] scores,
      boolean[] included,
      Theoretical claim,
      double testConfidence,
      double confidence,
      long seed) {
    int m = scores.length;
    if (m < MIN_CANARIES || included.length != m) {
      throw new IllegalArgumentException(
          "a one-run audit needs at least " + MIN_CANARIES + " canaries with bits, got " + m);
    }
    double delta = claim == null ? 0.0 : claim.delta();
    int[] order = Shuffle.permutation(m, new SplittableRandom(seed ^ SPLIT_SALT));
    int half = m / 2;
    int[] selection = Arrays.copyOfRange(order, 0, half);
    int[] bounded = Arrays.copyOfRange(order, half, m);
    double[] selScores = gather(scores, selection);
    boolean[] selBits = gather(included, selection);

    double bestPlus = DEFAULT_FRACTION;
    double bestMinus = DEFAULT_FRACTION;
    double best =
        selectionBound(selScores, selBits, bestPlus, bestMinus, delta, testConfidence, seed);
    for (double plus : FRACTIONS) {
      for (double minus : FRACTIONS) {
        if (plus + minus == 0 || plus + minus > 1) {
          continue;
        }
        double eps = selectionBound(selScores, selBits, plus, minus, delta, testConfidence, seed);
        if (eps > best) {
          best = eps;
          bestPlus = plus;
          bestMinus = minus;
        }
      }
    }
    double[] boundScores = gather(scores, bounded);
    boolean[] boundBits = gather(included, bounded);
    int n = bounded.length;
    int kPlus = guesses(bestPlus, n);
    int kMinus = Math.min(guesses(bestMinus, n), n - kPlus);
    OneRunAuditResult r =
        OneRunAudit.audit(boundScores, boundBits, kPlus, kMinus, delta, testConfidence, seed);
    Double pValue =
        claim == null
            ? null
            : OneRunAudit.pValue(n, r.guesses(), r.correctGuesses(), claim.epsilon(), delta);
    int in = 0;
    for (boolean b : included) {
      in += b ? 1 : 0;
    }
    return new AuditSetResult(
        m,
        in,
        half,
        n,
        kPlus,
        kMinus,
        r.correctGuesses(),
        r.epsilonLowerBound(),
        BoundRigor.RIGOROUS,
        confidence,
        delta,
        pValue,
        SCORE);
  }

  private static double selectionBound(
      double[] scores,
      boolean[] bits,
      double plus,
      double minus,
      double delta,
      double confidence,
      long seed) {
    int n = scores.length;
    int kPlus = guesses(plus, n);
    int kMinus = Math.min(guesses(minus, n), n - kPlus);
    if (kPlus + kMinus == 0) {
      return 0;
    }
    return OneRunAudit.audit(scores, bits, kPlus, kMinus, delta, confidence, seed)
        .epsilonLowerBound();
  }

  /** Guesses for a fraction of n: at least one when the fraction is positive. */
  private static int guesses(double fraction, int n) {
    return fraction == 0 ? 0 : Math.max(1, (int) Math.round(fraction * n));
  }

  private static double[] gather(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  private static boolean[] gather(boolean[] values, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
