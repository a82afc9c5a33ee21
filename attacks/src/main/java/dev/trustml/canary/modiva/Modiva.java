package dev.trustml.canary.modiva;

import dev.trustml.error.BadInputException;
import dev.trustml.model.Classifier;
import dev.trustml.model.WhiteBox;
import dev.trustml.optim.Adam;
import dev.trustml.progress.Progress;
import dev.trustml.scoring.Softmax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * ModIvA, the white-box canary extraction attack (Parikh, Dupuy &amp; Gupta, "Canary extraction in
 * natural language understanding models", ACL 2022, section 3).
 *
 * <p>Each unknown slot is a categorical distribution over its alphabet with logits θ; a
 * Gumbel-softmax sample of it (Jang et al. 2017) weights the alphabet's embedding rows into a soft
 * embedding, the sequence goes through the model from its input embeddings ({@link WhiteBox}: the
 * engine's only part, e.g. {@code forward_emb} through libtorch autograd), and Adam lowers the
 * cross-entropy of the canary's label under an exponentially annealed temperature. The optimisation
 * is plain Java. All restarts run as one batch. At the end each restart's distribution softmax(θ)
 * proposes its k most probable sequences; the distinct proposals are re-scored with hard tokens
 * through the ordinary forward pass, so the reported losses are the ones black-box enumeration
 * ranks by.
 *
 * <p>Not thread-safe, like the {@link WhiteBox} it drives.
 *
 * <p>Caveat for mean-pooling models such as trustml's text classifier: the logits depend only on
 * the multiset of tokens, so every permutation of the secret's digits scores the same and no method
 * can recover their order from the model.
 */
public final class Modiva {
  private Modiva() {}

  /**
   * Runs the attack.
   *
   * @param model a classifier opened for white-box use (its {@link Classifier#whiteBox()} present)
   * @throws BadInputException when the model is not white-box usable or the problem does not fit it
   */
  public static ModivaResult run(
      Classifier model, ModivaProblem problem, ModivaConfig config, Progress progress)
      throws BadInputException {
    long start = System.nanoTime();
    WhiteBox whiteBox = requireWhiteBox(model);
    checkFits(model, problem, whiteBox.vocabularySize());

    int restarts = config.restarts();
    int slots = problem.slots();
    int width = problem.maxAlphabetSize();
    int size = restarts * slots * width;
    SplittableRandom random = new SplittableRandom(config.seed());
    boolean[] padding = alphabetPadding(problem, restarts);
    double[] theta = new double[size];
    double[] offsets = new double[size];
    double[] gradient = new double[size];
    // Uniform starts: only their diversity across restarts matters.
    for (int i = 0; i < size; i++) {
      theta[i] = padding[i] ? 0 : random.nextDouble(-1, 1);
    }

    progress.start("ModIvA (" + config.restarts() + " restarts)", config.steps());
    try {
      SoftEmbeddingObjective objective = new SoftEmbeddingObjective(whiteBox, problem, restarts);
      Adam adam = new Adam(config.learningRate(), size);
      for (int t = 0; t < config.steps(); t++) {
        for (int i = 0; i < size; i++) {
          offsets[i] = padding[i] ? SoftEmbeddingObjective.EXCLUDED : Gumbel.draw(random);
        }
        objective.lossAndGradient(theta, offsets, config.temperature(t), gradient);
        adam.step(theta, gradient);
        progress.advance(1);
      }
    } finally {
      progress.done();
    }

    List<int[]> candidates = proposals(problem, theta, restarts, config.topK());
    List<ModivaResult.Reconstruction> scored = rescore(model, problem, candidates);
    return new ModivaResult(
        scored.subList(0, Math.min(config.topK(), scored.size())),
        restarts,
        config.steps(),
        candidates.size(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Which entries of the [restarts, slots, width] logits pad a short alphabet up to the longest one
   * (width); they never receive weight.
   */
  private static boolean[] alphabetPadding(ModivaProblem problem, int restarts) {
    int width = problem.maxAlphabetSize();
    boolean[] padding = new boolean[restarts * problem.slots() * width];
    for (int i = 0; i < padding.length; i++) {
      int slot = (i / width) % problem.slots();
      padding[i] = i % width >= problem.alphabetSize(slot);
    }
    return padding;
  }

  /** The model's white-box access, or why it has none. */
  private static WhiteBox requireWhiteBox(Classifier model) throws BadInputException {
    return model
        .whiteBox()
        .orElseThrow(
            () ->
                new BadInputException(
                    model.bundle().modelFile()
                        + ": "
                        + model.info().whiteBox()
                        + "; ModIvA needs white-box access — black-box methods (enumerate, beam)"
                        + " still work"));
  }

  private static void checkFits(Classifier model, ModivaProblem problem, long vocabSize)
      throws BadInputException {
    String where = model.bundle().modelFile().toString();
    long[] tokens = problem.tokens();
    List<Integer> slotPositions = Arrays.stream(problem.slotPositions()).boxed().toList();
    for (int i = 0; i < tokens.length; i++) {
      if (!slotPositions.contains(i) && (tokens[i] < 0 || tokens[i] >= vocabSize)) {
        throw new BadInputException(
            where
                + ": canary template token "
                + i
                + " has id "
                + tokens[i]
                + " but the embedding has "
                + vocabSize
                + " rows; tokenize the canary with this model's tokenizer");
      }
    }
    for (int s = 0; s < problem.slots(); s++) {
      for (int a = 0; a < problem.alphabetSize(s); a++) {
        if (problem.tokenId(s, a) >= vocabSize) {
          throw new BadInputException(
              where
                  + ": slot "
                  + s
                  + " alphabet holds token id "
                  + problem.tokenId(s, a)
                  + " but the embedding has "
                  + vocabSize
                  + " rows; tokenize the alphabet with this model's tokenizer");
        }
      }
    }
    int classes = model.numLabels();
    if (problem.label() >= classes) {
      throw new BadInputException(
          where
              + ": canary label index "
              + problem.label()
              + " but the model has "
              + classes
              + " labels "
              + model.card().labels());
    }
  }

  /**
   * The distinct top-k sequences of every restart's learned distribution softmax(θ[r]) — in
   * Gumbel-softmax θ are the categorical's log-probabilities up to a constant, whatever τ — in
   * restart order. Each restart's first proposal is its per-slot argmax, the paper's read-out.
   */
  private static List<int[]> proposals(ModivaProblem problem, double[] theta, int restarts, int k) {
    int slots = problem.slots();
    int width = problem.maxAlphabetSize();
    Map<List<Integer>, int[]> distinct = new LinkedHashMap<>();
    for (int r = 0; r < restarts; r++) {
      double[][] logProbs = new double[slots][];
      for (int s = 0; s < slots; s++) {
        int base = (r * slots + s) * width;
        logProbs[s] = Softmax.logProbabilities(theta, base, problem.alphabetSize(s));
      }
      for (int[] symbols : KBestSequences.of(logProbs, k)) {
        distinct.putIfAbsent(Arrays.stream(symbols).boxed().toList(), symbols);
      }
    }
    return new ArrayList<>(distinct.values());
  }

  /** Exact losses of the hard sequences, lowest first (ties: lexicographically smallest first). */
  private static List<ModivaResult.Reconstruction> rescore(
      Classifier model, ModivaProblem problem, List<int[]> candidates) {
    long[][] rows = new long[candidates.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = problem.fill(candidates.get(i));
    }
    int k = model.numLabels();
    float[] logits = model.logits(model.batch(rows));
    List<ModivaResult.Reconstruction> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      double loss = Softmax.loss(logits, i * k, k, problem.label());
      out.add(new ModivaResult.Reconstruction(candidates.get(i), loss));
    }
    out.sort(
        Comparator.comparingDouble(ModivaResult.Reconstruction::loss)
            .thenComparing(ModivaResult.Reconstruction::symbols, Arrays::compare));
    return out;
  }
}
