package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyAttackTest {
  private static ModelOutputs outputs(int n) throws BadInputException {
    return ModelOutputs.of("target", 2, new int[n], new float[2 * n]);
  }

  @Test
  void coverageCountsUnknownTokensAndTheRarestKnownOne() {
    VocabTokenizer vocab =
        new VocabTokenizer(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK, "a", "b", "c"), true);
    VocabularyCoverage.Builder b = VocabularyCoverage.builder(vocab);
    b.add("A b zz c qq");
    b.add("");
    b.add("zz " + "a ".repeat(100)); // longer than any model input: never truncated
    VocabularyCoverage c = b.build();
    assertEquals(3, c.numRows());
    assertEquals(5, c.tokens(0));
    assertEquals(2, c.unknown(0));
    assertEquals(0.4, c.unknownShare(0), 1e-12);
    assertEquals(4.0 / 5, c.rarest(0), 1e-6);
    assertEquals(0, c.tokens(1));
    assertEquals(0.0, c.unknownShare(1));
    assertEquals(101, c.tokens(2));
    assertEquals(2.0 / 5, c.rarest(2), 1e-6);
    assertEquals(101, c.maxTokens());
  }

  @Test
  void scoreIsMinusTheUnknownShareWithTiesBrokenByRarity() throws BadInputException {
    // Shares that differ by as little as 1/W^2 keep their order whatever the rarity; equal shares
    // are ordered by the rarest known token.
    Random random = new Random(5);
    int n = 2000;
    int[] tokens = new int[n];
    int[] unknown = new int[n];
    float[] rarest = new float[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = 1 + random.nextInt(40);
      unknown[i] = random.nextInt(tokens[i] + 1);
      rarest[i] = random.nextFloat();
    }
    tokens[0] = 40;
    unknown[0] = 1;
    rarest[0] = 0f;
    tokens[1] = 39;
    unknown[1] = 1;
    rarest[1] = 0.999f; // share 1/39 > 1/40: row 1 must stay below row 0
    VocabularyCoverage c = new VocabularyCoverage(tokens, unknown, rarest);
    double[] s = new VocabularyAttack().score(AttackInput.of(outputs(n), null, null, 0, c));
    assertTrue(s[0] > s[1]);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double di = c.unknownShare(i);
        double dj = c.unknownShare(j);
        if (di < dj) {
          assertTrue(s[i] > s[j], i + " vs " + j);
        } else if (di == dj && c.rarest(i) > c.rarest(j)) {
          assertTrue(s[i] > s[j], "tie " + i + " vs " + j);
        }
      }
    }
  }

  @Test
  void flagsAVocabularyBuiltFromMembersAndNotAPublicOne() throws BadInputException {
    // Texts of 8 words drawn from a Zipf-like pool of 5,000 words; half the rows are members. A
    // vocabulary of every member word separates members; a vocabulary of the 2,000 most common
    // pool words (chosen without looking at any row) does not.
    Random random = new Random(9);
    int n = 3000;
    List<String> texts = new ArrayList<>();
    boolean[] members = new boolean[n];
    Set<String> memberWords = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      StringBuilder t = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        int rank = (int) Math.floor(Math.pow(5000, random.nextDouble()));
        t.append("w").append(rank).append(' ');
      }
      texts.add(t.toString());
      members[i] = random.nextBoolean();
      if (members[i]) {
        memberWords.addAll(VocabTokenizer.words(t.toString(), true));
      }
    }
    List<String> leaky = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    leaky.addAll(memberWords);
    List<String> publicWords = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    for (int rank = 1; rank <= 2000; rank++) {
      publicWords.add("w" + rank);
    }
    double leakyAuc = auc(new VocabTokenizer(leaky, true), texts, members);
    double publicAuc = auc(new VocabTokenizer(publicWords, true), texts, members);
    assertTrue(leakyAuc > 0.75, "member-built vocabulary AUC " + leakyAuc);
    assertTrue(Math.abs(publicAuc - 0.5) < 0.03, "public vocabulary AUC " + publicAuc);
  }

  private static double auc(VocabTokenizer vocab, List<String> texts, boolean[] members)
      throws BadInputException {
    VocabularyCoverage.Builder b = VocabularyCoverage.builder(vocab);
    texts.forEach(b::add);
    double[] s =
        new VocabularyAttack()
            .score(AttackInput.of(outputs(texts.size()), null, null, 0, b.build()));
    return Auc.of(s, members);
  }

  @Test
  void needsCoverageOfEveryAuditRow() throws BadInputException {
    assertThrows(
        BadInputException.class,
        () -> new VocabularyAttack().score(AttackInput.targetOnly(outputs(3), 0)));
    VocabularyCoverage two =
        new VocabularyCoverage(new int[] {1, 1}, new int[] {0, 1}, new float[] {0f, 0f});
    assertThrows(BadInputException.class, () -> AttackInput.of(outputs(3), null, null, 0, two));
    assertThrows(
        IllegalArgumentException.class,
        () -> new VocabularyCoverage(new int[] {1}, new int[] {2}, new float[] {0f}));
  }

  @Test
  void tokenizerWithoutUnknownTokenGivesNoCoverage() {
    assertNull(
        VocabularyCoverage.builder(
            new dev.trustml.model.tokenize.Tokenizer() {
              @Override
              public long[] encode(String text, int maxLength) {
                return new long[0];
              }

              @Override
              public long tokenId(String token) {
                return -1;
              }

              @Override
              public int vocabularySize() {
                return 256;
              }
            }));
  }
}
