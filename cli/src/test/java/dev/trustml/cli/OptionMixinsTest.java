package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.UsageException;
import dev.trustml.results.Theoretical;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options shared by several commands come from one mixin each, so their names, help and rules
 * cannot drift apart between commands.
 */
class OptionMixinsTest {
  /** Option -> the mixin every command taking it must get it from. */
  private static final Map<String, Class<?>> SHARED =
      Map.of(
          "--epsilon", ClaimOptions.class,
          "--delta", ClaimOptions.class,
          "--seed", SeedOption.class,
          "--confidence", ConfidenceOption.class,
          "--json", ReportFormatOptions.class,
          "--fail-if", GateCommand.GateOptions.class,
          "--text-column", CsvColumnOptions.class,
          "--cache-dir", ShadowCacheOption.class,
          "--accountant", AccountantOption.class,
          "--verbose", CommonOptions.class);

  /**
   * The same names with another meaning, kept apart on purpose: train's --seed is drawn at random
   * under DP when absent, and train's and epsilon's --delta is the delta to train or account for,
   * not a claim to audit; epsilon's --json prints its answer rather than writing a report.
   */
  private static final Map<String, Set<String>> OTHER_MEANING =
      Map.of(
          "trustml train", Set.of("--seed", "--delta"),
          "trustml epsilon", Set.of("--delta", "--json"));

  @Test
  void sharedOptionsComeFromTheirMixin() {
    List<String> drift = new ArrayList<>();
    int uses = 0;
    for (CommandSpec c : commands()) {
      for (Map.Entry<String, Class<?>> e : SHARED.entrySet()) {
        if (c.findOption(e.getKey()) == null
            || OTHER_MEANING.getOrDefault(c.qualifiedName(), Set.of()).contains(e.getKey())) {
          continue;
        }
        uses++;
        if (!hasMixin(c, e.getValue())) {
          drift.add(c.qualifiedName() + " " + e.getKey());
        }
      }
    }
    assertEquals(List.of(), drift, "options declared outside their mixin");
    assertTrue(uses >= 15, "too few shared options found: " + uses);
  }

  @Test
  void bothAuditsAndPlantTakeTheSeedMixin() {
    for (String[] path :
        new String[][] {{"audit", "membership"}, {"audit", "canary"}, {"canary", "plant"}}) {
      CommandLine cl = Trustml.commandLine();
      for (String name : path) {
        cl = cl.getSubcommands().get(name);
      }
      assertTrue(hasMixin(cl.getCommandSpec(), SeedOption.class), String.join(" ", path));
    }
  }

  @Test
  void claimRules() throws Exception {
    ClaimOptions none = new ClaimOptions();
    assertNull(none.claim(), "no --epsilon: the card's claim stands");
    ClaimOptions epsilonOnly = new ClaimOptions();
    epsilonOnly.epsilon = 3.0;
    assertEquals(new Theoretical(3.0, 1e-5, null, "command-line"), epsilonOnly.claim());
    ClaimOptions deltaOnly = new ClaimOptions();
    deltaOnly.delta = 1e-6;
    assertEquals(
        "--delta needs --epsilon",
        assertThrows(UsageException.class, deltaOnly::claim).getMessage());
    ClaimOptions nan = new ClaimOptions();
    nan.epsilon = Double.NaN;
    assertThrows(UsageException.class, nan::claim);
  }

  private static boolean hasMixin(CommandSpec c, Class<?> type) {
    return c.mixins().values().stream()
        .anyMatch(m -> type.isInstance(m.userObject()) || nested(m, type));
  }

  private static boolean nested(CommandSpec mixin, Class<?> type) {
    return mixin.mixins().values().stream()
        .anyMatch(m -> type.isInstance(m.userObject()) || nested(m, type));
  }

  private static List<CommandSpec> commands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(Trustml.commandLine(), all);
    return all;
  }

  private static void collect(CommandLine c, List<CommandSpec> into) {
    into.add(c.getCommandSpec());
    c.getSubcommands().values().forEach(s -> collect(s, into));
  }
}
