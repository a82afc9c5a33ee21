package dev.trustml.reports.gate;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparison of a gate check. The check fails the gate when the comparison is true. */
public enum Operator {
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  EQUAL("=="),
  NOT_EQUAL("!=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** How the operator is written: {@code >=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code left OP right}; false when either is NaN (nothing was measured). */
  public boolean holds(double left, double right) {
    if (Double.isNaN(left) || Double.isNaN(right)) {
      return false;
    }
    return switch (this) {
      case GREATER -> left > right;
      case GREATER_OR_EQUAL -> left >= right;
      case LESS -> left < right;
      case LESS_OR_EQUAL -> left <= right;
      case EQUAL -> left == right;
      case NOT_EQUAL -> left != right;
    };
  }

  /** Whether the operator orders values ({@code < <= > >=}) rather than testing equality. */
  public boolean ordering() {
    return this != EQUAL && this != NOT_EQUAL;
  }

  /**
   * Whether {@code a} is nearer to failing than {@code b}: larger for {@code >}/{@code >=}, smaller
   * for {@code <}/{@code <=}. Equality operators have no order; the first subject wins.
   */
  boolean worse(double a, double b) {
    return switch (this) {
      case GREATER, GREATER_OR_EQUAL -> a > b;
      case LESS, LESS_OR_EQUAL -> a < b;
      case EQUAL, NOT_EQUAL -> false;
    };
  }

  /** The operator written {@code symbol}, if any. */
  public static Optional<Operator> ofSymbol(String symbol) {
    return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
  }

  /** {@code > >= < <= == !=}, for messages. */
  public static String symbols() {
    return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(" "));
  }
}
