package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A million audit rows with two classes through one attack of each family. The columnar inputs and
 * streaming per-row statistics keep the footprint to tens of bytes per row (the whole suite passes
 * with {@code -Dsurefire.argLine=-Xmx512m}).
 */
class LargeInputTest {
  private static final int ROWS = 1_000_000;

  private static ModelOutputs randomOutputs(String source, int[] labels, long seed)
      throws BadInputException {
    SplittableRandom random = new SplittableRandom(seed);
    float[] logits = new float[2 * labels.length];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (4 * random.nextDouble() - 2);
    }
    return ModelOutputs.of(source, 2, labels, logits);
  }

  @Test
  void scoresAMillionRows() throws TrustmlException {
    int[] labels = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = i & 1;
    }
    ModelOutputs target = randomOutputs("target", labels, 1);
    ModelOutputs reference = randomOutputs("reference", labels, 2);
    int[] popLabels = new int[1000];
    AttackInput input =
        AttackInput.of(
            target,
            ReferenceOutputs.of(List.of(reference), null),
            PopulationOutputs.of(
                randomOutputs("target on population", popLabels, 3),
                List.of(randomOutputs("reference on population", popLabels, 4))),
            0);
    AttackRegistry registry = AttackRegistry.builtIn();
    double[] lira = null;
    for (String name : List.of("mentr-class", "lira-offline-fixed-var", "rmia-offline")) {
      double[] scores = registry.byName(name).score(input);
      assertEquals(ROWS, scores.length, name);
      assertTrue(Double.isFinite(scores[ROWS - 1]), name);
      lira = name.startsWith("lira") ? scores : lira;
    }
    // Offline LiRA with one OUT model and one global sd is monotone in phi_target - phi_reference.
    double gap7 = target.logitScaledConfidence(7) - reference.logitScaledConfidence(7);
    double gap8 = target.logitScaledConfidence(8) - reference.logitScaledConfidence(8);
    assertEquals(Double.compare(gap7, gap8), Double.compare(lira[7], lira[8]));
  }
}
