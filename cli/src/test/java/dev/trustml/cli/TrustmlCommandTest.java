package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustmlCommandTest {
  @Test
  void helpListsEveryCommand() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exit());
    for (String cmd : new String[] {"audit", "train", "epsilon", "report", "model"}) {
      assertTrue(r.out().contains(cmd), cmd + " missing from help:\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes"));
  }

  @Test
  void versionNamesEngine() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("DJL 0.36.0"), r.out());
    assertTrue(r.out().contains("2.7.1"), r.out());
  }

  @Test
  void unknownOptionIsUsageError() {
    Cli.Result r = Cli.run("model", "inspect", "--no-such-flag", "x");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("trustml: Unknown option"), r.err());
  }

  @Test
  void auditSubcommandsExist() {
    Cli.Result r = Cli.run("audit", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("membership") && r.out().contains("canary"), r.out());
  }
}
