package dev.trustml.reports.html;

import static dev.trustml.reports.text.Xml.escape;

import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.Theoretical;

/** The canary report's epsilon parts: each canary's bound and the one-run audit set. */
final class CanaryBoundsHtml {
  private CanaryBoundsHtml() {}

  /** What the bound columns mean, under the canary section's title. */
  static String lead(CanaryResult c) {
    if (c.familySize() == null) {
      return ""; // a file of schema version 1 has no bounds
    }
    return "<p class=\"lead\">Each canary's ε lower bound is the largest ε its secret's rank"
        + " refutes: a secret drawn uniformly and planted k times ranks r-th or better with"
        + " probability at most e<sup>kε</sup>·r/|R| + δ<sub>k</sub> under (ε, δ)-DP (Carlini et al. 2019; Dwork"
        + " &amp; Roth 2014, group privacy). "
        + (c.familySize() == 0
            ? "No bound here is rigorous"
            : "Bounds hold at "
                + escape(Numbers.format(c.confidence() * 100))
                + "% family-wise over "
                + c.familySize()
                + " rigorous bound"
                + (c.familySize() == 1 ? "" : "s"))
        + "; ≈ marks an estimate.</p>\n";
  }

  /** The header cells of the bound columns. */
  static String headerCells() {
    return "<th>ε lower bound</th><th>p vs claim</th>";
  }

  /** A canary's bound and p-value cells; the bound in red when it exceeds the claim. */
  static String cells(CanaryFinding f, Theoretical claim) {
    CanaryBound b = f.primaryBound();
    if (b == null) {
      return "<td>n/a</td><td>n/a</td>";
    }
    boolean refutes = claim != null && b.value() > claim.epsilon();
    String value = (b.rigor() == BoundRigor.ESTIMATE ? "≈" : "") + Numbers.format(b.value());
    String how = "(" + b.rigor().jsonName() + ", " + b.basis() + ")";
    return "<td"
        + (refutes ? " class=\"bad\"" : "")
        + ">"
        + escape(value)
        + " <span class=\"ci\">"
        + escape(how)
        + "</span></td><td>"
        + (b.pValue() == null ? "n/a" : escape(Numbers.format(b.pValue())))
        + "</td>";
  }

  /** The one-run audit set section, if the result has one. */
  static void auditSet(StringBuilder b, CanaryResult c) {
    AuditSetResult a = c.auditSet();
    if (a == null) {
      return;
    }
    boolean refutes = c.theoretical() != null && a.value() > c.theoretical().epsilon();
    b.append("<section class=\"audit-set\">\n<h2>One-run audit set</h2>\n")
        .append("<p class=\"lead\">Each of the ")
        .append(Numbers.count(a.canaries()))
        .append(" canaries went into the training data by its own fair coin (")
        .append(Numbers.count(a.included()))
        .append(" did). The guess counts were chosen on ")
        .append(Numbers.count(a.selectionCanaries()))
        .append(" of them; of the other ")
        .append(Numbers.count(a.boundCanaries()))
        .append(", the ")
        .append(Numbers.count(a.positiveGuesses()))
        .append(" highest-scoring were guessed in and the ")
        .append(Numbers.count(a.negativeGuesses()))
        .append(" lowest out (Steinke, Nasr &amp; Jagielski 2023). Score: ")
        .append(escape(a.score()))
        .append(".</p>\n<dl class=\"facts\">\n");
    fact(
        b,
        "right guesses",
        Numbers.count(a.correct())
            + " of "
            + Numbers.count(a.positiveGuesses() + a.negativeGuesses()));
    b.append("<dt>ε lower bound</dt><dd")
        .append(refutes ? " class=\"bad\"" : "")
        .append(">")
        .append(
            escape(
                Numbers.format(a.value())
                    + " ("
                    + a.rigor().jsonName()
                    + ", "
                    + Numbers.format(a.confidence() * 100)
                    + "% family-wise, δ = "
                    + Numbers.format(a.delta())
                    + ")"))
        .append("</dd>\n");
    fact(b, "p-value vs claim", a.pValue() == null ? "n/a" : Numbers.format(a.pValue()));
    b.append("</dl>\n</section>\n");
  }

  private static void fact(StringBuilder b, String name, String value) {
    b.append("<dt>")
        .append(escape(name))
        .append("</dt><dd>")
        .append(escape(value))
        .append("</dd>\n");
  }
}
