package dev.trustml.canary.modiva;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.Classifier;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.progress.Progress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModIvA's optimisation (plain Java) over a white-box model whose answer is known ({@link
 * PeakModel}), through the plain-Java classifier; the engine modules run it through libtorch.
 */
class ModivaTest {
  private static final String TEMPLATE = "my pin code is";

  /** The problem "my pin code is _ _ ..." with a digit alphabet per slot. */
  static ModivaProblem digitProblem(Classifier m, int digits) {
    long[] words = m.tokenizer().encode(TEMPLATE, 64);
    long[] tokens = Arrays.copyOf(words, words.length + digits);
    int[] positions = new int[digits];
    long[][] alphabets = new long[digits][];
    for (int s = 0; s < digits; s++) {
      positions[s] = words.length + s;
      alphabets[s] = PeakModel.digitIds();
    }
    return new ModivaProblem(tokens, positions, alphabets, PeakModel.CANARY_LABEL);
  }

  private static long[] canary(String text) {
    return Arrays.stream((TEMPLATE + " " + text).split(" ")).mapToLong(PeakModel::id).toArray();
  }

  @Test
  void recoversFourDigitSecret(@TempDir Path dir) throws Exception {
    checkRecovers(dir, "4 8 2 1", new int[] {4, 8, 2, 1});
  }

  @Test
  void recoversSixDigitSecretWithRepeatedDigit(@TempDir Path dir) throws Exception {
    checkRecovers(dir, "9 0 3 3 7 5", new int[] {9, 0, 3, 3, 7, 5});
  }

  /**
   * The position gates make the loss depend on digit order, and the construction makes the secret
   * the unique minimiser. For 4 digits the oracle is brute force over all 10^4 sequences with the
   * plain-Java forward pass; for longer secrets the construction is the oracle (zero distance).
   */
  private static void checkRecovers(Path dir, String secretText, int[] secret) throws Exception {
    TextClassifierWeights w = PeakModel.write(dir, canary(secretText), 42);
    try (Classifier m = ReferenceClassifier.open(dir, w)) {
      ModivaProblem problem = digitProblem(m, secret.length);

      double best = PeakModel.referenceLoss(w, problem.fill(secret), PeakModel.CANARY_LABEL);
      if (secret.length <= 4) {
        double second = Double.POSITIVE_INFINITY;
        int[] seq = new int[secret.length];
        for (int index = 0; index < Math.pow(10, secret.length); index++) {
          for (int s = secret.length - 1, rest = index; s >= 0; s--, rest /= 10) {
            seq[s] = rest % 10;
          }
          if (!Arrays.equals(seq, secret)) {
            double loss = PeakModel.referenceLoss(w, problem.fill(seq), PeakModel.CANARY_LABEL);
            second = Math.min(second, loss);
          }
        }
        assertTrue(second > best + 0.1, "the construction makes the secret uniquely optimal");
      }

      ModivaResult result = Modiva.run(m, problem, ModivaConfig.defaults(), Progress.NONE);

      ModivaResult.Reconstruction top = result.best();
      assertArrayEquals(secret, top.symbols(), "best reconstruction is the secret, in order");
      assertEquals(best, top.loss(), 1e-4, "its loss is the global minimum");
      for (ModivaResult.Reconstruction r : result.reconstructions()) {
        double want = PeakModel.referenceLoss(w, problem.fill(r.symbols()), PeakModel.CANARY_LABEL);
        assertEquals(want, r.loss(), 1e-4, "exact hard-token loss of " + r);
      }
      assertRankedAndDistinct(result, ModivaConfig.DEFAULT_TOP_K);
      assertEquals(ModivaConfig.DEFAULT_RESTARTS, result.restarts());
      assertEquals(ModivaConfig.DEFAULT_STEPS, result.steps());
      System.out.println(
          "WALL "
              + secret.length
              + " "
              + result.wallTime().toMillis()
              + " ms, candidates "
              + result.candidatesScored());

      // The paper's read-out alone (one restart, its per-slot argmax) must find it too: a lucky
      // guess among all digit strings would have probability 10^-n. One restart may settle on a
      // permutation of the secret (a local minimum the gates make shallow), which is why the
      // attack runs several restarts; the digits themselves must be right.
      for (long seed = 1; seed <= 3; seed++) {
        ModivaResult single =
            Modiva.run(
                m,
                problem,
                ModivaConfig.defaults().withRestarts(1).withTopK(1).withSeed(seed),
                Progress.NONE);
        assertEquals(1, single.reconstructions().size());
        assertArrayEquals(sorted(secret), sorted(single.best().symbols()), "seed " + seed);
      }
    }
  }

  /**
   * Slots with different alphabets (sizes 10, 3 and 5): the secret's order is identifiable because
   * the digits 7 and 3 can only sit in one arrangement (7 is not in the third slot's alphabet).
   */
  @Test
  void recoversExactSequenceWithMixedAlphabets(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = PeakModel.write(dir, canary("7 bad 3"), 5);
    try (Classifier m = ReferenceClassifier.open(dir, w)) {
      long[] words = m.tokenizer().encode(TEMPLATE, 64);
      long[] tokens = Arrays.copyOf(words, words.length + 3);
      long[] extra = PeakModel.EXTRA.stream().mapToLong(PeakModel::id).toArray();
      long[] lowDigits = Arrays.copyOf(PeakModel.digitIds(), 5);
      ModivaProblem problem =
          new ModivaProblem(
              tokens,
              new int[] {4, 5, 6},
              new long[][] {PeakModel.digitIds(), extra, lowDigits},
              PeakModel.CANARY_LABEL);

      ModivaResult result =
          Modiva.run(m, problem, ModivaConfig.defaults().withTopK(5), Progress.NONE);

      assertArrayEquals(new int[] {7, 1, 3}, result.best().symbols());
      assertRankedAndDistinct(result, 5);
      for (ModivaResult.Reconstruction r : result.reconstructions()) {
        int[] s = r.symbols();
        assertTrue(s[0] < 10 && s[1] < 3 && s[2] < 5, "symbols inside each alphabet: " + r);
      }
    }
  }

  @Test
  void sameSeedSameResult(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = PeakModel.write(dir, canary("5 5 1 9"), 9);
    ModivaConfig config = ModivaConfig.defaults().withRestarts(4).withSteps(60).withSeed(123);
    try (Classifier m = ReferenceClassifier.open(dir, w)) {
      ModivaProblem problem = digitProblem(m, 4);
      CountingProgress progress = new CountingProgress();

      ModivaResult a = Modiva.run(m, problem, config, progress);
      ModivaResult b = Modiva.run(m, problem, config, Progress.NONE);

      assertEquals(a.reconstructions(), b.reconstructions());
      assertEquals(a.candidatesScored(), b.candidatesScored());
      assertEquals(List.of(60L, 60L, 1L), progress.calls());
      ModivaResult other = Modiva.run(m, problem, config.withSeed(124), Progress.NONE);
      assertEquals(config.topK(), other.reconstructions().size());
    }
  }

  @Test
  void modelWithoutWhiteBoxAccessIsRefused(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = TestBundles.write(dir, 2);
    try (Classifier m = ReferenceClassifier.open(dir, w, false)) {
      ModivaProblem problem = smallProblem(m);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> Modiva.run(m, problem, ModivaConfig.defaults(), Progress.NONE));
      assertTrue(
          e.getMessage().contains("no embedding-input method (forward_emb)"), e.getMessage());
      assertTrue(e.getMessage().contains("black-box methods"), e.getMessage());
      assertTrue(e.getMessage().contains("model.pt"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void problemThatDoesNotFitTheModelIsRefused(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = TestBundles.write(dir, 2);
    try (Classifier m = ReferenceClassifier.open(dir, w)) {
      ModivaProblem p = smallProblem(m);
      ModivaProblem badLabel =
          new ModivaProblem(p.tokens(), p.slotPositions(), p.slotAlphabets(), 2);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> Modiva.run(m, badLabel, ModivaConfig.defaults(), Progress.NONE));
      assertTrue(e.getMessage().contains("label index 2"), e.getMessage());

      long vocab = m.tokenizer().vocabularySize();
      ModivaProblem badAlphabet =
          new ModivaProblem(p.tokens(), p.slotPositions(), new long[][] {{3, vocab}}, 0);
      e =
          assertThrows(
              BadInputException.class,
              () -> Modiva.run(m, badAlphabet, ModivaConfig.defaults(), Progress.NONE));
      assertTrue(e.getMessage().contains("token id " + vocab), e.getMessage());
    }
  }

  /** "the movie was _" with a digit slot, for the TestBundles vocabulary. */
  static ModivaProblem smallProblem(Classifier m) {
    long[] words = m.tokenizer().encode("the movie was", 16);
    long[] tokens = Arrays.copyOf(words, words.length + 1);
    long[] digits = new long[10];
    for (int d = 0; d < 10; d++) {
      digits[d] = m.tokenizer().tokenId(Integer.toString(d));
    }
    return new ModivaProblem(tokens, new int[] {words.length}, new long[][] {digits}, 1);
  }

  static void assertRankedAndDistinct(ModivaResult result, int topK) {
    List<ModivaResult.Reconstruction> rs = result.reconstructions();
    assertTrue(!rs.isEmpty() && rs.size() <= topK, "between 1 and topK reconstructions");
    Set<List<Integer>> seen = new HashSet<>();
    for (int i = 0; i < rs.size(); i++) {
      assertTrue(seen.add(Arrays.stream(rs.get(i).symbols()).boxed().toList()), "distinct");
      if (i > 0) {
        assertTrue(rs.get(i - 1).loss() <= rs.get(i).loss(), "sorted by loss");
      }
    }
  }

  private static int[] sorted(int[] a) {
    int[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  /** Records start(total), the sum of advance(n) and the number of done() calls. */
  private static final class CountingProgress implements Progress {
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong advanced = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    @Override
    public void start(String task, long t) {
      total.set(t);
    }

    @Override
    public void advance(long n) {
      advanced.addAndGet(n);
    }

    @Override
    public void done() {
      done.incrementAndGet();
    }

    List<Long> calls() {
      return List.of(total.get(), advanced.get(), done.get());
    }
  }
}
