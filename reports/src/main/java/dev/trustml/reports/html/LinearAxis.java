package dev.trustml.reports.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from {@code min} to {@code max}, mapped onto pixels.
 *
 * @param min the value at {@code from}
 * @param max the value at {@code to}
 * @param from pixel of {@code min}
 * @param to pixel of {@code max}
 */
record LinearAxis(double min, double max, double from, double to) {
  double map(double v) {
    if (max == min) {
      return (from + to) / 2;
    }
    return from + (v - min) / (max - min) * (to - from);
  }

  /** Round tick values (1, 2 or 5 times a power of ten apart) covering [min, max]. */
  List<Double> ticks(int about) {
    List<Double> out = new ArrayList<>();
    if (!(max > min)) {
      out.add(min);
      return out;
    }
    double step = niceStep((max - min) / Math.max(1, about - 1));
    long first = (long) Math.ceil(min / step - 1e-9);
    long last = (long) Math.floor(max / step + 1e-9);
    BigDecimal decimalStep = BigDecimal.valueOf(step);
    for (long k = first; k <= last; k++) {
      // k x step in decimal, so that 3 x 0.2 is 0.6 and not 0.6000000000000001.
      out.add(BigDecimal.valueOf(k).multiply(decimalStep).doubleValue());
    }
    return out;
  }

  /** The "nice" number nearest {@code raw}: 1, 2 or 5 times a power of ten. */
  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / magnitude;
    // Thresholds at the geometric midpoints (sqrt 2, sqrt 10, sqrt 50) of 1, 2, 5 and 10.
    double nice = f < 1.414 ? 1 : f < 3.162 ? 2 : f < 7.071 ? 5 : 10;
    return nice * magnitude;
  }

  /** A maximum rounded up to the next nice step, so the axis ends on a tick. */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double step = niceStep(max / 4);
    return Math.ceil(max / step - 1e-9) * step;
  }
}
