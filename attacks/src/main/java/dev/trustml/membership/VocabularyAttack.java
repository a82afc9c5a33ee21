package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.Set;

/**
 * The vocabulary attack: reads the vocabulary shipped beside the model, never the model. A row
 * whose words are all in the vocabulary is more likely a member when the vocabulary was built from
 * the training rows in the clear (every member word made it in, down to the builder's minimum
 * count), so the member score is minus the row's share of unknown tokens. Ties, frequent at share
 * 0, are broken by the rarest known token (a vocabulary built from members holds words only one
 * member used, near its end). The same holds for a tokenizer trained on private data.
 *
 * <p>The tie-break never reorders rows with different shares: two shares a/b != c/d with b, d &lt;=
 * W (the longest row's token count) differ by at least 1/W^2, and the tie-break adds at most
 * 0.5/(W^2 + 1).
 *
 * <p>Against a public vocabulary (chosen without the training rows) the score is independent of
 * membership and the attack is at chance, as it should be.
 */
public final class VocabularyAttack implements Attack {
  private static final AttackInfo INFO =
      new AttackInfo(
          "vocab",
          ThreatModel.BUNDLE_ARTIFACTS,
          Set.of(Requirement.NEEDS_VOCABULARY),
          Citations.VOCABULARY,
          "minus the share of the row's tokens outside the shipped vocabulary (ties: rarest known"
              + " token)");

  @Override
  public AttackInfo info() {
    return INFO;
  }

  @Override
  public double[] score(AttackInput input) throws BadInputException {
    Requirement.check(INFO, input);
    VocabularyCoverage coverage = input.vocabulary();
    double w = coverage.maxTokens();
    double tieBreak = 0.5 / (w * w + 1);
    double[] scores = new double[coverage.numRows()];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = -coverage.unknownShare(row) + tieBreak * coverage.rarest(row);
    }
    return scores;
  }
}
