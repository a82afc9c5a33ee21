package dev.trustml.reports.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How reports print numbers: four significant digits without trailing zeros ({@code 0.734}, {@code
 * 0.001}, {@code 12.5}), scientific only for very small or large values ({@code 1.5e-06}), {@code
 * n/a} for a value that was not measured. Locale-independent, so reports are the same everywhere.
 */
public final class Numbers {
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** {@code v} to four significant digits; {@code n/a} for NaN. */
  public static String format(double v) {
    return format(v, FOUR_DIGITS);
  }

  /** {@code v} to four significant digits; {@code n/a} for null or NaN. */
  public static String format(Double v) {
    return v == null ? "n/a" : format(v.doubleValue());
  }

  /**
   * {@code measured} and {@code limit} formatted so that they differ when the numbers differ: a
   * gate line must never read {@code auc = 0.6 (limit 0.6)} for 0.60004 against 0.6.
   */
  public static String[] distinguishable(double measured, double limit) {
    for (int digits = 4; digits <= 17; digits++) {
      MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
      String a = format(measured, mc);
      String b = format(limit, mc);
      if (!a.equals(b) || Double.compare(measured, limit) == 0) {
        return new String[] {a, b};
      }
    }
    return new String[] {Double.toString(measured), Double.toString(limit)};
  }

  /**
   * A rate such as a TPR as a percentage with two decimals ({@code 0.74%}, {@code 12.10%}), the way
   * the CLI table, the HTML report and the Markdown summary all print rates; {@code n/a} for null
   * or NaN.
   */
  public static String percent(Double share) {
    if (share == null || Double.isNaN(share)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f%%", 100 * share);
  }

  /** An integer count with thousands separators: {@code 12,345}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String format(double v, MathContext mc) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(mc).stripTrailingZeros();
    double abs = Math.abs(v);
    if (abs >= 1e-4 && abs < 1e7) {
      return rounded.toPlainString();
    }
    // 1.5e-06: the exponent padded to two digits like C's %e, which readers of papers expect.
    int exponent = rounded.precision() - rounded.scale() - 1;
    String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
    return String.format(
        Locale.ROOT, "%se%s%02d", mantissa, exponent < 0 ? "-" : "", Math.abs(exponent));
  }
}
