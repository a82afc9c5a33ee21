package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttackRegistryTest {
  private final AttackRegistry registry = AttackRegistry.builtIn();

  @Test
  void registersTheDocumentedNames() {
    assertEquals(
        List.of(
            "loss",
            "loss-class",
            "confidence",
            "confidence-class",
            "entropy",
            "entropy-class",
            "mentr",
            "mentr-class",
            "lira-online",
            "lira-online-fixed-var",
            "lira-offline",
            "lira-offline-fixed-var",
            "rmia",
            "rmia-offline",
            "vocab"),
        registry.names());
  }

  @Test
  void lookupByNameAndUnknownNameListsValidOnes() throws UsageException {
    assertEquals("lira-offline", registry.byName("lira-offline").info().name());
    UsageException e = assertThrows(UsageException.class, () -> registry.byName("lira"));
    assertTrue(e.getMessage().startsWith("unknown attack 'lira'; valid attacks: loss,"));
    assertTrue(e.getMessage().contains("rmia-offline"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertThrows(UsageException.class, () -> registry.byNames(List.of("loss", "loss")));
    assertEquals(2, registry.byNames(List.of("rmia", "loss")).size());
  }

  @Test
  void listingHasOneLinePerAttackWithMetadata() {
    List<String> lines = registry.listing();
    assertEquals(registry.names().size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(lines.get(i).startsWith(registry.names().get(i) + "  "), lines.get(i));
      assertFalse(lines.get(i).contains("\n"));
    }
    String rmia = lines.get(registry.names().indexOf("rmia"));
    assertTrue(rmia.contains("needs-reference-models") && rmia.contains("Zarifzadeh"), rmia);
    String vocab = lines.get(registry.names().indexOf("vocab"));
    assertTrue(vocab.contains("[default]") && vocab.contains("bundle-artifacts"), vocab);
  }

  @Test
  void defaultsAreFilteredByWhatTheInputProvides() throws BadInputException {
    AttackInput targetOnly =
        AttackInput.targetOnly(Synthetic.fromPhi("target", new double[] {1, 2, 3}), 0);
    List<Attack> runnable = registry.defaultsFor(targetOnly);
    assertFalse(runnable.isEmpty());
    for (Attack attack : runnable) {
      assertTrue(
          Set.of(Requirement.NEEDS_LOGITS).containsAll(attack.info().requirements()),
          attack.info().name());
    }
    // Losses alone (precomputed outputs without logits): the attacks on p_y only.
    AttackInput lossesOnly =
        AttackInput.targetOnly(
            ModelOutputs.ofLosses("losses", 2, new int[] {0, 1, 0}, new double[] {0.1, 2, 0.7}), 0);
    assertEquals(
        List.of("loss", "loss-class", "confidence"),
        registry.defaultsFor(lossesOnly).stream().map(a -> a.info().name()).toList());
    Synthetic.Audit full = Synthetic.audit(new Synthetic.Spec(50, 1, 20, -2, 2, 0.5, 1, 1, 5));
    assertEquals(registry.defaults(), registry.defaultsFor(full.input()));
  }

  @Test
  void everyAttackIsDeterministicAndScoresEveryRow() throws BadInputException {
    Synthetic.Audit audit = Synthetic.audit(new Synthetic.Spec(200, 2, 100, -3, 3, 0.5, 1, 1.5, 9));
    for (Attack attack : registry.all()) {
      double[] first = attack.score(audit.input());
      double[] second = attack.score(audit.input());
      assertEquals(200, first.length, attack.info().name());
      assertArrayEquals(first, second, attack.info().name());
      for (double s : first) {
        assertFalse(Double.isNaN(s), attack.info().name());
      }
    }
  }
}
