package dev.trustml.reports.gate;

import dev.trustml.reports.text.Numbers;
import java.util.List;

/**
 * What one check found on one result.
 *
 * @param check the check
 * @param status pass, fail, or skip (nothing measurable to compare)
 * @param worst the subject nearest to failing (the first failing one for == and !=), or null when
 *     skipped
 * @param limit the limit's value (for a metric limit: its subject, value and note), or null when
 *     skipped
 * @param failing subjects for which the comparison is true
 * @param measured subjects with a value
 * @param unmeasured subjects without a value (e.g. TPR at an FPR below 1/n), which cannot fail
 * @param reason why the check was skipped, or null
 */
public record GateOutcome(
    GateCheck check,
    Status status,
    Measurement worst,
    Measurement limit,
    int failing,
    int measured,
    List<String> unmeasured,
    String reason) {

  /** The outcome of a check. */
  public enum Status {
    /** No subject makes the comparison true. */
    PASS,
    /** Some subject makes the comparison true: the gate fails. */
    FAIL,
    /**
     * Nothing to compare (no attacks, no measurable value, no claimed epsilon): reported, not
     * failed.
     */
    SKIP
  }

  public GateOutcome {
    unmeasured = unmeasured == null ? List.of() : List.copyOf(unmeasured);
  }

  static GateOutcome skipped(GateCheck check, String reason) {
    return new GateOutcome(check, Status.SKIP, null, null, 0, 0, List.of(), reason);
  }

  /** Whether this check lets the gate pass. */
  public boolean passed() {
    return status != Status.FAIL;
  }

  /**
   * One line for logs: {@code FAIL auc>0.6: lira-online auc = 0.734 (limit 0.6)}, {@code PASS ...},
   * or {@code SKIP ...: why}.
   */
  public String line() {
    String head = status + " " + check.text() + ": ";
    if (status == Status.SKIP) {
      return head + reason;
    }
    StringBuilder b = new StringBuilder(head);
    String[] values = values();
    b.append(worst.subject()).append(' ').append(check.metric().text()).append(" = ");
    b.append(values[0]);
    if (worst.note() != null) {
      b.append(", ").append(worst.note());
    }
    if (check.operator().ordering() || check.limit() instanceof Operand.OfMetric) {
      b.append(" (limit ").append(limitText(values[1])).append(')');
    }
    if (failing > 1) {
      b.append("; ")
          .append(failing)
          .append(" of ")
          .append(measured)
          .append(' ')
          .append(check.metric().metric().scope().plural())
          .append(" fail it");
    }
    if (!unmeasured.isEmpty()) {
      b.append("; not measured: ").append(String.join(", ", unmeasured));
    }
    return b.toString();
  }

  /**
   * The JUnit failure message: {@code auc = 0.734 > 0.6 (lira-online)}; for a skipped check, the
   * reason.
   */
  public String message() {
    if (status == Status.SKIP) {
      return reason;
    }
    String[] values = values();
    return check.metric().text()
        + " = "
        + values[0]
        + " "
        + check.operator().symbol()
        + " "
        + limitText(values[1])
        + " ("
        + worst.subject()
        + ")";
  }

  /** The measured value and the limit, formatted so that different numbers look different. */
  private String[] values() {
    Metric m = check.metric().metric();
    if (m.categorical()) {
      return new String[] {m.format(worst.value()), check.limit().text()};
    }
    return Numbers.distinguishable(worst.value(), limit.value());
  }

  private String limitText(String value) {
    if (check.limit() instanceof Operand.OfMetric ref) {
      return ref.text() + " = " + value + (limit.note() == null ? "" : ", " + limit.note());
    }
    return check.limit().text();
  }
}
