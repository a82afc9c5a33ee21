package dev.trustml.results;

import java.math.BigDecimal;

/** The JSON key of a false-positive rate: {@code 0.001 -> "0.001"}, never {@code "1.0E-3"}. */
public final class FprKey {
  private FprKey() {}

  public static String of(double fpr) {
    return BigDecimal.valueOf(fpr).stripTrailingZeros().toPlainString();
  }
}
