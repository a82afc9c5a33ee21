package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DpSgdParametersTest {

  @Test
  void acceptsValidParameters() throws Exception {
    DpSgdParameters p = DpSgdParameters.of(1.0, 0.5, 1);
    assertEquals(1.0, p.samplingRate());
    assertEquals(0.5, p.noiseMultiplier());
    assertEquals(1, p.steps());
    assertEquals(2.0, p.withNoiseMultiplier(2.0).noiseMultiplier());
  }

  @Test
  void namesEveryBadFieldOnOneLine() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> DpSgdParameters.of(1.5, 0, 0));
    String message = e.getMessage();
    assertTrue(message.contains("sampling rate q must be in (0, 1]") && message.contains("1.5"));
    assertTrue(message.contains("noise multiplier sigma must be a finite number > 0, got 0.0"));
    assertTrue(message.contains("steps must be >= 1, got 0"));
    assertFalse(message.contains("\n"));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
  }

  @Test
  void rejectsEachBadFieldAlone() {
    double[] badRates = {0, -0.1, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY};
    for (double q : badRates) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> DpSgdParameters.of(q, 1, 10));
      assertTrue(e.getMessage().startsWith("sampling rate"), e.getMessage());
    }
    double[] badSigmas = {0, -1, Double.NaN, Double.POSITIVE_INFINITY};
    for (double sigma : badSigmas) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> DpSgdParameters.of(0.1, sigma, 10));
      assertTrue(e.getMessage().startsWith("noise multiplier"), e.getMessage());
    }
    BadInputException e =
        assertThrows(BadInputException.class, () -> DpSgdParameters.of(0.1, 1, -5));
    assertTrue(e.getMessage().startsWith("steps"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DpSgdParameters(2, 1, 1));
  }

  @Test
  void validatesDeltaAndEpsilon() {
    for (double delta : new double[] {0, 1, 2, -1e-9, Double.NaN}) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> DpSgdParameters.requireValidDelta(delta));
      assertTrue(e.getMessage().startsWith("delta must be in (0, 1)"), e.getMessage());
    }
    assertDoesNotThrow(() -> DpSgdParameters.requireValidDelta(1e-12));
    assertDoesNotThrow(() -> DpSgdParameters.requireValidDelta(0.999));
    assertThrows(
        BadInputException.class, () -> DpSgdParameters.requireValidEpsilon("epsilon", -0.1));
    assertDoesNotThrow(() -> DpSgdParameters.requireValidEpsilon("epsilon", 0));
  }

  @Test
  void accountantKindsHaveCliNamesAndFactories() {
    assertEquals(Optional.of(AccountantKind.RDP), AccountantKind.fromCliName("rdp"));
    assertEquals(Optional.of(AccountantKind.PLD), AccountantKind.fromCliName("PLD"));
    assertEquals(Optional.empty(), AccountantKind.fromCliName("prv"));
    for (AccountantKind kind : AccountantKind.values()) {
      assertEquals(kind, kind.create().kind());
    }
    assertTrue(AccountantKind.RDP.create() instanceof RdpAccountant);
    assertTrue(AccountantKind.PLD.create() instanceof PldAccountant);
  }

  @Test
  void accountantKindsNameThemselvesAsOnTheCommandLine() {
    assertEquals("rdp", AccountantKind.RDP.cliName());
    assertEquals("pld", AccountantKind.PLD.cliName());
    for (AccountantKind kind : AccountantKind.values()) {
      assertEquals(Optional.of(kind), AccountantKind.fromCliName(kind.cliName()));
    }
  }
}
