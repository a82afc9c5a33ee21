package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trustml.error.UsageException;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import org.junit.jupiter.api.Test;

class EpsilonBoundsTest {
  private static final AuditDesign BERNOULLI =
      new AuditDesign(
          AuditDesign.Source.CARD, new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5));
  private static final AuditDesign USER = new AuditDesign(AuditDesign.Source.USER_FILES, null);

  @Test
  void rowsThatOccurMoreThanOnceAreOneGroupNotTrials() {
    long[] keys = {7, 3, 7, 9, 3, 3, 11};
    assertArrayEquals(new int[] {3, 6}, EpsilonBounds.singletons(keys));
  }

  @Test
  void oneRunBoundLeavesDuplicatesOutAndIsRigorousOnlyUnderBernoulliHalf() throws Exception {
    // 400 rows, the first 20 one duplicated pair each (keys 0..9 twice): 380 singletons.
    int n = 400;
    long[] keys = new long[n];
    boolean[] member = new boolean[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i < 20 ? i / 2 : 1000 + i;
      member[i] = i % 2 == 0;
      scores[i] = member[i] ? 1 : 0;
    }
    EpsilonBounds rigorous = new EpsilonBounds(member, keys, BERNOULLI, OneRunOption.AUTO, 1e-5, 3);
    EpsilonLowerBound b = rigorous.oneRun(scores, 0.95, 0.95);
    assertEquals(BoundRigor.RIGOROUS, b.rigor());
    assertEquals(20, b.oneRun().excludedRows());
    assertEquals(380, b.oneRun().rows() + b.oneRun().selectionRows());
    assertEquals(b.oneRun().rows(), b.rowsUsed());
    assertEquals(BoundRigor.ESTIMATE, rigorous.estimate(scores, 0.95, 0.95).rigor());

    // Unknown design: no one-run bound by default, an estimate when counts are forced.
    assertNull(
        new EpsilonBounds(member, keys, USER, OneRunOption.AUTO, 1e-5, 3)
            .oneRun(scores, 0.95, 0.95));
    EpsilonLowerBound forced =
        new EpsilonBounds(member, keys, USER, OneRunOption.fixed(50), 1e-5, 3)
            .oneRun(scores, 0.95, 0.95);
    assertEquals(BoundRigor.ESTIMATE, forced.rigor());
    assertEquals(50, forced.oneRun().positiveGuesses());
    assertEquals(380, forced.oneRun().rows());
    assertNull(
        new EpsilonBounds(member, keys, BERNOULLI, OneRunOption.OFF, 1e-5, 3)
            .oneRun(scores, 0.95, 0.95));
    assertThrows(
        UsageException.class,
        () -> new EpsilonBounds(member, keys, BERNOULLI, OneRunOption.fixed(191), 1e-5, 3));
  }
}
