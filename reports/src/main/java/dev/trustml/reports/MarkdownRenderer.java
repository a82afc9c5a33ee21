package dev.trustml.reports;

import dev.trustml.reports.gate.GateOutcome;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.text.BoundText;
import dev.trustml.reports.text.Headline;
import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;

/**
 * A short GitHub-flavoured Markdown summary for a pull-request comment: the verdict line, one table
 * (attacks, or canaries) and the gate outcome. All user text is escaped, so a model name cannot
 * inject links, HTML or table cells.
 */
public final class MarkdownRenderer {
  // Characters that start GFM inline syntax or split table cells; a backslash makes them literal.
  // Without [ and ] no link or image can form, so ( ) ! need no escape. < > & become entities,
  // which every renderer shows as text, never as HTML.
  private static final String SPECIAL = "\\`*_[]|~";

  private MarkdownRenderer() {}

  /** The summary of a result. */
  public static String render(AuditResult result) {
    return render(result, null);
  }

  /** The summary of a result and, when {@code gate} is not null, its gate outcome. */
  public static String render(AuditResult result, GateReport gate) {
    StringBuilder b = new StringBuilder();
    Headline h = Headline.of(result);
    String kind = result instanceof MembershipResult ? "membership inference" : "canary extraction";
    b.append("### ")
        .append(icon(h.tone()))
        .append(" trustml ")
        .append(kind)
        .append(" audit: ")
        .append(h.title())
        .append("\n\n");
    b.append(escape(h.sentence())).append("\n\n");
    if (result instanceof MembershipResult m && m.verdictBasis() != null) {
      b.append("<sub>").append(escape(BoundText.basis(m.verdictBasis()))).append("</sub>\n\n");
    }
    b.append(modelLine(result)).append("\n\n");
    if (result instanceof MembershipResult m) {
      attacks(m, b);
    } else {
      canaries((CanaryResult) result, b);
    }
    if (gate != null) {
      gate(gate, b);
    }
    b.append("<sub>trustml ")
        .append(escape(result.provenance().trustmlVersion()))
        .append(" · seed ")
        .append(result.provenance().seed())
        .append(" · started ")
        .append(escape(result.provenance().startedAt()))
        .append("</sub>\n");
    return b.toString();
  }

  private static String modelLine(AuditResult r) {
    StringBuilder b =
        new StringBuilder("Model **").append(escape(Headline.modelName(r))).append("**");
    if (r.model().sha256() != null) {
      b.append(" (sha256 ").append(escape(shortHash(r.model().sha256()))).append(')');
    }
    if (r instanceof MembershipResult m) {
      b.append(" · ")
          .append(Numbers.count(m.members()))
          .append(" members, ")
          .append(Numbers.count(m.nonMembers()))
          .append(" non-members");
      if (m.referenceModels() > 0) {
        b.append(", ").append(m.referenceModels()).append(" reference models");
      }
    }
    b.append(" · ").append(claim(r.theoretical()));
    return b.toString();
  }

  private static void attacks(MembershipResult m, StringBuilder b) {
    String claimed = m.theoretical() == null ? "none" : Numbers.format(m.theoretical().epsilon());
    b.append(
        "| attack | AUC | TPR@1% | TPR@0.1% | ε lower bound (one-run) | ε estimate | claimed ε |\n");
    b.append("|:--|--:|--:|--:|--:|--:|--:|\n");
    for (AttackResult a : m.attacks()) {
      row(
          b,
          escape(a.name()),
          Numbers.format(a.auc()),
          Numbers.percent(a.tprAtFpr().at(0.01)),
          Numbers.percent(a.tprAtFpr().at(0.001)),
          bound(a.epsilonLowerBound(), m),
          bound(a.epsilonEstimate(), m),
          claimed);
    }
    if (m.attacks().isEmpty()) {
      b.append("| (no attacks ran) | | | | | | |\n");
    }
    b.append('\n');
  }

  /** A bound cell: bold when it exceeds the claim (a rigorous one refutes it). */
  private static String bound(EpsilonLowerBound lb, MembershipResult m) {
    boolean exceeds = BoundText.exceeds(lb, m.theoretical());
    return (exceeds ? "**" : "") + BoundText.of(lb) + (exceeds ? "**" : "");
  }

  private static void canaries(CanaryResult c, StringBuilder b) {
    b.append(
        "| canary | template | label | candidates | rank | exposure (bits) | ε lower bound |"
            + " extracted |\n");
    b.append("|:--|:--|:--|--:|--:|--:|--:|:-:|\n");
    for (CanaryFinding f : c.canaries()) {
      String exposure;
      if (f.exposureBits() != null) {
        exposure = Numbers.format(f.exposureBits());
      } else if (f.extrapolatedExposureBits() != null) {
        exposure = "≈" + Numbers.format(f.extrapolatedExposureBits()) + " (extrapolated)";
      } else {
        exposure = "n/a";
      }
      exposure += " of " + Numbers.format(log2(f.candidates()));
      row(
          b,
          escape(f.id()),
          escape(f.template()),
          escape(f.label()),
          Numbers.count(f.candidates()),
          f.rank() == null ? "n/a" : Numbers.count(f.rank()),
          exposure,
          canaryBound(f.primaryBound(), c.theoretical()),
          f.extracted() == null ? "unknown" : f.extracted() ? "**yes**" : "no");
    }
    if (c.canaries().isEmpty()) {
      b.append("| (no canaries tested one by one) | | | | | | | |\n");
    }
    b.append('\n');
    AuditSetResult a = c.auditSet();
    if (a != null) {
      boolean refutes = c.theoretical() != null && a.value() > c.theoretical().epsilon();
      b.append("One-run audit set (Steinke et al. 2023): ")
          .append(Numbers.count(a.canaries()))
          .append(" canaries, ")
          .append(Numbers.count(a.included()))
          .append(" trained on; on the bound half (")
          .append(Numbers.count(a.boundCanaries()))
          .append(") ")
          .append(Numbers.count(a.correct()))
          .append(" of ")
          .append(Numbers.count(a.positiveGuesses() + a.negativeGuesses()))
          .append(" guesses right → ε ≥ ")
          .append(refutes ? "**" : "")
          .append(Numbers.format(a.value()))
          .append(refutes ? "**" : "")
          .append(" (")
          .append(escape(a.rigor().jsonName()))
          .append(", ")
          .append(percent(a.confidence()))
          .append(")\n\n");
    }
  }

  /** A canary's bound: value, rigor and confidence; bold when it exceeds the claim. */
  private static String canaryBound(CanaryBound bound, Theoretical claim) {
    if (bound == null) {
      return "n/a";
    }
    boolean refutes = claim != null && bound.value() > claim.epsilon();
    boolean estimate = bound.rigor() == BoundRigor.ESTIMATE;
    return (refutes ? "**" : "")
        + (estimate ? "≈" : "")
        + Numbers.format(bound.value())
        + (refutes ? "**" : "")
        + " ("
        + escape(bound.rigor().jsonName())
        + ", "
        + percent(bound.confidence())
        + ")";
  }

  private static void gate(GateReport gate, StringBuilder b) {
    b.append("**").append(escape(gate.summary())).append("**\n\n");
    for (GateOutcome o : gate.outcomes()) {
      b.append("- ")
          .append(
              switch (o.status()) {
                case FAIL -> "❌ ";
                case PASS -> "✅ ";
                case SKIP -> "⚪ ";
              })
          .append(codeSpan(o.line()))
          .append('\n');
    }
    b.append('\n');
  }

  private static void row(StringBuilder b, String... cells) {
    b.append('|');
    for (String c : cells) {
      b.append(' ').append(c).append(" |");
    }
    b.append('\n');
  }

  private static String icon(Headline.Tone tone) {
    return switch (tone) {
      case BAD -> "❌";
      case WARN -> "⚠️";
      case GOOD -> "✅";
      case NEUTRAL -> "⚪";
    };
  }

  static String claim(Theoretical t) {
    if (t == null) {
      return "no DP claim";
    }
    return "claimed ε = "
        + Numbers.format(t.epsilon())
        + ", δ = "
        + Numbers.format(t.delta())
        + (t.accountant() == null ? "" : " (" + escape(t.accountant()) + ")");
  }

  static String shortHash(String sha256) {
    return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
  }

  static String percent(double share) {
    return Numbers.format(share * 100) + "%";
  }

  private static double log2(long n) {
    return Math.log(n) / Math.log(2);
  }

  /**
   * Verbatim text as a code span: the delimiter is one backtick longer than any run of backticks
   * inside (CommonMark spec, "Code spans"), so user text cannot close it early.
   */
  static String codeSpan(String s) {
    String text = s.replace('\n', ' ').replace('\r', ' ');
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = text.startsWith("`") || text.endsWith("`");
    return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
  }

  /** Literal text in a Markdown paragraph or table cell. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        b.append(' ');
      } else if (c == '<') {
        b.append("&lt;");
      } else if (c == '>') {
        b.append("&gt;");
      } else if (c == '&') {
        b.append("&amp;");
      } else if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
