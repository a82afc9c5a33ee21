package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.modiva.ModivaConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of canary searches: one entry per search, its name the search's own. */
class CanarySearchesTest {
  @Test
  void everyRegisteredSearchIsBuiltUnderItsOwnName() {
    CanarySearches.Access access =
        new CanarySearches.Access(null, 0, null, ModivaConfig.defaults());
    for (CanarySearches.Entry e : CanarySearches.REGISTERED) {
      assertEquals(e.name(), e.build().apply(access).name(), "registered as " + e.name());
    }
  }

  @Test
  void methodsAreAutoTheSearchesAndAll() {
    assertEquals(List.of("auto", "enumerate", "beam", "modiva", "all"), CanaryMethod.names());
    assertTrue(CanaryMethod.of("beam").isPresent());
    assertFalse(CanaryMethod.of("brute-force").isPresent());
    assertTrue(CanaryMethod.ALL.needsWhiteBox());
    assertTrue(CanaryMethod.of("modiva").orElseThrow().needsWhiteBox());
    assertFalse(CanaryMethod.AUTO.needsWhiteBox());
    assertFalse(CanaryMethod.of("enumerate").orElseThrow().needsWhiteBox());
  }
}
