package dev.trustml.reports.gate;

import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.reports.schema.ResultKind;
import dev.trustml.results.AuditResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code --fail-if} check, e.g. {@code auc>0.6}, {@code tpr@0.001>0.01}, {@code
 * epsilon_lb>epsilon}, {@code verdict==violated}: a metric, an operator and a limit. The check
 * FAILS the gate when the comparison is true for ANY subject (any attack, any canary).
 *
 * @param text the check as written
 * @param metric the metric on the left
 * @param operator the comparison
 * @param limit the number, verdict name or whole-model metric on the right
 * @param source where the check was written (for error messages and exit codes)
 */
public record GateCheck(
    String text, MetricRef metric, Operator operator, Operand limit, CheckSource source) {
  private static final String OPERATOR_CHARS = "<>=!";
  // A plain decimal number; Double.parseDouble alone would also take "NaN", "0x1p3" and "0.6d".
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Parses a {@code --fail-if} value. */
  public static GateCheck parse(String text) throws UsageException {
    try {
      return parse(text, CheckSource.commandLine());
    } catch (UsageException e) {
      throw e;
    } catch (TrustmlException e) {
      throw new IllegalStateException("a command-line check raised " + e, e);
    }
  }

  /** Parses a check written at {@code source}; errors are one line naming the check. */
  public static GateCheck parse(String text, CheckSource source) throws TrustmlException {
    try {
      return new Parser(text == null ? "" : text.strip(), source).check();
    } catch (SyntaxError e) {
      throw source.error(text, e.getMessage());
    }
  }

  /** Evaluates the check on a result. */
  public GateOutcome evaluate(AuditResult result) throws TrustmlException {
    ResultKind kind = ResultKind.of(result);
    List<Measurement> left = measure(metric, result, kind);
    Measurement limitValue;
    if (limit instanceof Operand.OfMetric m) {
      List<Measurement> right = measure(m.ref(), result, kind);
      limitValue = right.isEmpty() ? new Measurement(null, Double.NaN) : right.get(0);
      if (!limitValue.measured()) {
        return GateOutcome.skipped(this, "the result has no " + m.ref().text());
      }
    } else {
      limitValue = new Measurement(null, ((Operand.Literal) limit).value());
    }
    if (left.isEmpty()) {
      return GateOutcome.skipped(this, "the result has no " + metric.metric().scope().noun() + "s");
    }
    List<String> unmeasured = new ArrayList<>();
    Measurement worst = null;
    int failing = 0;
    int measured = 0;
    for (Measurement m : left) {
      if (!m.measured()) {
        unmeasured.add(m.subject());
        continue;
      }
      measured++;
      boolean fails = operator.holds(m.value(), limitValue.value());
      boolean worstFails = worst != null && operator.holds(worst.value(), limitValue.value());
      if (fails) {
        failing++;
      }
      if (worst == null
          || (fails && !worstFails)
          || (fails == worstFails && operator.worse(m.value(), worst.value()))) {
        worst = m;
      }
    }
    if (worst == null) {
      return GateOutcome.skipped(
          this,
          metric.text()
              + " could not be measured for any "
              + metric.metric().scope().noun()
              + " ("
              + String.join(", ", unmeasured)
              + ")");
    }
    return new GateOutcome(
        this,
        failing > 0 ? GateOutcome.Status.FAIL : GateOutcome.Status.PASS,
        worst,
        limitValue,
        failing,
        measured,
        unmeasured,
        null);
  }

  private List<Measurement> measure(MetricRef ref, AuditResult result, ResultKind kind)
      throws TrustmlException {
    if (!ref.metric().kinds().contains(kind)) {
      throw source.error(
          text,
          "metric '"
              + ref.metric().token()
              + "' applies to "
              + ref.metric().kinds().stream().map(ResultKind::jsonName).toList()
              + " results, but this is a "
              + kind.jsonName()
              + " result");
    }
    try {
      return ref.metric().measure(result, ref.parameter());
    } catch (Metric.MetricException e) {
      throw source.error(text, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return text;
  }

  /** A problem with the text of a check; becomes a usage or bad-input error. */
  private static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  /** {@code METRIC OP LIMIT}, spaces allowed around the operator. */
  private record Parser(String text, CheckSource source) {
    GateCheck check() throws SyntaxError {
      if (text.isEmpty()) {
        throw new SyntaxError("empty check; write e.g. auc>0.6");
      }
      int start = indexOfOperator(text);
      if (start < 0) {
        throw new SyntaxError(
            "no comparison operator; write METRIC OP LIMIT such as auc>0.6 (operators: "
                + Operator.symbols()
                + ")");
      }
      int end = start;
      while (end < text.length() && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      String symbol = text.substring(start, end);
      Operator op =
          Operator.ofSymbol(symbol)
              .orElseThrow(
                  () ->
                      new SyntaxError(
                          "bad operator '"
                              + symbol
                              + "'; use one of "
                              + Operator.symbols()
                              + " (the check fails the gate when the comparison is true)"));
      String left = text.substring(0, start).strip();
      String right = text.substring(end).strip();
      if (left.isEmpty()) {
        throw new SyntaxError("no metric before '" + symbol + "'; known: " + Metric.known());
      }
      if (right.isEmpty()) {
        throw new SyntaxError("nothing after '" + symbol + "'; give a number or a metric");
      }
      MetricRef metric = metric(left);
      Operand limit = operand(metric.metric(), op, right);
      return new GateCheck(text, metric, op, limit, source);
    }

    private static int indexOfOperator(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }

    private MetricRef metric(String name) throws SyntaxError {
      int at = name.indexOf('@');
      if (at >= 0) {
        String token = name.substring(0, at + 1);
        Metric m =
            Metric.byToken(token)
                .orElseThrow(() -> new SyntaxError(unknownMetric(name, token + "FPR")));
        String fpr = name.substring(at + 1).strip();
        if (!NUMBER.matcher(fpr).matches()) {
          throw new SyntaxError(
              "'" + fpr + "' after '" + token + "' is not a number; write e.g. tpr@0.001");
        }
        double value = Double.parseDouble(fpr);
        if (!(value > 0 && value < 1)) {
          throw new SyntaxError(
              "FPR " + fpr + " in '" + name + "' must be between 0 and 1, e.g. tpr@0.001");
        }
        return new MetricRef(m, value);
      }
      Optional<Metric> m = Metric.byToken(name);
      if (m.isEmpty()) {
        if (Metric.byToken(name + "@").isPresent()) {
          throw new SyntaxError(
              "metric '" + name + "' needs a false-positive rate: write " + name + "@0.001");
        }
        throw new SyntaxError(unknownMetric(name, name));
      }
      return new MetricRef(m.get(), Double.NaN);
    }

    private Operand operand(Metric left, Operator op, String right) throws SyntaxError {
      if (left.categorical()) {
        if (op.ordering()) {
          throw new SyntaxError(
              "'" + left.token() + "' is compared with == or !=, not '" + op.symbol() + "'");
        }
        return left.category(right)
            .map(v -> (Operand) new Operand.Literal(v, right))
            .orElseThrow(
                () ->
                    new SyntaxError(
                        "'" + right + "' is not a " + left.token() + "; use " + left.categories()));
      }
      if (NUMBER.matcher(right).matches()) {
        return new Operand.Literal(Double.parseDouble(right), right);
      }
      if (Character.isLetter(right.charAt(0))) {
        MetricRef ref;
        try {
          ref = metric(right);
        } catch (SyntaxError e) {
          throw new SyntaxError(
              "'" + right + "' is neither a number nor a metric (" + e.getMessage() + ")");
        }
        if (ref.metric().scope() != Metric.Scope.MODEL || ref.metric().categorical()) {
          throw new SyntaxError(
              "the right side '"
                  + right
                  + "' must be a number or a whole-model number such as epsilon, not a per-"
                  + ref.metric().scope().noun()
                  + " metric");
        }
        return new Operand.OfMetric(ref);
      }
      throw new SyntaxError(
          "'" + right + "' is not a number; write e.g. 0.6 or 1e-3 (or a metric such as epsilon)");
    }

    private static String unknownMetric(String name, String spelling) {
      String hint = Suggest.closest(spelling, Metric.known().split(", "));
      return "unknown metric '"
          + name
          + "'"
          + (hint == null ? "" : " (did you mean '" + hint + "'?)")
          + "; known: "
          + Metric.known();
    }
  }
}
