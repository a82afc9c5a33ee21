package dev.trustml.reports.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest
  @CsvSource({
    "0.734, 0.734",
    "0.6, 0.6",
    "0.001, 0.001",
    "0.73456, 0.7346",
    "12.5, 12.5",
    "1234567, 1235000",
    "95.00000000000001, 95",
    "0.0001, 0.0001",
    "0.0000015, 1.5e-06",
    "12345678, 1.235e07",
    "-0.25, -0.25",
    "0, 0",
  })
  void fourSignificantDigits(double v, String expected) {
    assertEquals(expected, Numbers.format(v));
  }

  @ParameterizedTest
  @CsvSource({
    "0.60004, 0.6, 0.60004, 0.6",
    "0.734, 0.7339, 0.734, 0.7339",
    "0.6, 0.6, 0.6, 0.6",
    "0.7, 0.6, 0.7, 0.6",
  })
  void distinguishable(double a, double b, String fa, String fb) {
    assertArrayEquals(new String[] {fa, fb}, Numbers.distinguishable(a, b));
  }

  @org.junit.jupiter.api.Test
  void notMeasured() {
    assertEquals("n/a", Numbers.format(Double.NaN));
    assertEquals("n/a", Numbers.format((Double) null));
    assertEquals("inf", Numbers.format(Double.POSITIVE_INFINITY));
    assertEquals("12,345", Numbers.count(12345));
  }

  @ParameterizedTest
  @CsvSource({
    "0.007378, 0.74%",
    "0.121, 12.10%",
    "1, 100.00%",
    "0, 0.00%",
    "0.00004, 0.00%",
    "NaN, n/a",
  })
  void ratesAsPercentagesWithTwoDecimals(double share, String expected) {
    assertEquals(expected, Numbers.percent(share));
  }
}
