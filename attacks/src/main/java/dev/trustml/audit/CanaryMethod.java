package dev.trustml.audit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Which extraction methods {@code audit canary} runs. */
public enum CanaryMethod {
  /** Enumerate when the candidate space is small, else beam search + extrapolated exposure. */
  AUTO("auto"),
  /** Score every candidate (exact rank and exposure). */
  ENUMERATE("enumerate"),
  /** Slot-by-slot beam search (black-box, large spaces). */
  BEAM("beam"),
  /** White-box model inversion (Parikh et al. 2022). */
  MODIVA("modiva"),
  /** Every method that applies. */
  ALL("all");

  private final String cliName;

  CanaryMethod(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static List<String> cliNames() {
    return Arrays.stream(values()).map(CanaryMethod::cliName).collect(Collectors.toList());
  }
}
