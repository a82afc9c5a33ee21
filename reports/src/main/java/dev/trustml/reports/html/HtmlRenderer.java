package dev.trustml.reports.html;

import static dev.trustml.reports.text.Xml.escape;

import dev.trustml.provenance.Provenance;
import dev.trustml.reports.gate.GateOutcome;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.text.BoundText;
import dev.trustml.reports.text.Headline;
import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.FprKey;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.SliceResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.stats.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG charts, no scripts and
 * nothing fetched, so it can be attached to a ticket, archived with a model, opened offline or
 * printed. The verdict comes first, in colour, with the sentence that explains it; then the figures
 * a reviewer needs (summary table, log-log ROC curves, score histograms, epsilon bounds against the
 * claim, or the canary table), and provenance last.
 *
 * <p>The output is well-formed XML (XHTML-compatible HTML5), every piece of user text is escaped,
 * and SVGs scale with their container ({@code viewBox}, {@code width="100%"}) so the report reads
 * on a phone; {@code @media print} rules keep figures whole on paper.
 */
public final class HtmlRenderer {
  private static final String CSS = loadCss();

  private HtmlRenderer() {}

  /** The report of a result. */
  public static String render(AuditResult result) {
    return render(result, null);
  }

  /**
   * The report of a result with, when {@code gate} is not null, the gate outcome under the verdict.
   */
  public static String render(AuditResult result, GateReport gate) {
    Headline h = Headline.of(result);
    boolean membership = result instanceof MembershipResult;
    String kind = membership ? "Membership-inference audit" : "Canary-extraction audit";
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    b.append("<meta name=\"generator\" content=\"trustml ")
        .append(escape(result.provenance().trustmlVersion()))
        .append("\"/>\n");
    b.append("<title>")
        .append(escape(h.title() + " · " + kind + " of " + Headline.modelName(result)))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(b, h, kind, result);
    if (gate != null) {
      gate(b, gate);
    }
    if (result instanceof MembershipResult m) {
      membership(b, m);
    } else {
      canary(b, (CanaryResult) result);
    }
    provenance(b, result.provenance());
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, Headline h, String kind, AuditResult r) {
    b.append("<header class=\"verdict ")
        .append(h.tone().name().toLowerCase(Locale.ROOT))
        .append("\">\n<p class=\"kind\">")
        .append(escape(kind))
        .append("</p>\n<p class=\"title\">")
        .append(escape(h.title()))
        .append("</p>\n<p class=\"reason\">")
        .append(escape(h.sentence()))
        .append("</p>\n");
    if (r instanceof MembershipResult m && m.verdictBasis() != null) {
      b.append("<p class=\"basis\">")
          .append(escape(BoundText.basis(m.verdictBasis())))
          .append("</p>\n");
    }
    b.append("<p class=\"model\">Model <strong>")
        .append(escape(Headline.modelName(r)))
        .append("</strong> · ")
        .append(escape(claim(r.theoretical())))
        .append("</p>\n</header>\n");
  }

  private static void gate(StringBuilder b, GateReport gate) {
    b.append("<section class=\"gate\">\n<h2>CI gate</h2>\n<p class=\"")
        .append(gate.failed() ? "bad" : "lead")
        .append("\">")
        .append(escape(gate.summary()))
        .append("</p>\n<ul>\n");
    for (GateOutcome o : gate.outcomes()) {
      b.append("<li class=\"")
          .append(o.status().name().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(escape(o.line()))
          .append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  // ---- membership

  private static void membership(StringBuilder b, MembershipResult m) {
    b.append("<section class=\"summary\">\n<h2>Attacks</h2>\n<p class=\"lead\">")
        .append(Numbers.count(m.members()))
        .append(" members and ")
        .append(Numbers.count(m.nonMembers()))
        .append(" non-members audited")
        .append(m.referenceModels() > 0 ? " with " + m.referenceModels() + " reference models" : "")
        .append(". AUC 0.5 and TPR = FPR mean the attack does no better than chance.</p>\n");
    summaryTable(b, m);
    b.append("</section>\n");

    b.append("<section class=\"roc\">\n<h2>ROC curves (log-log)</h2>\n<figure>\n")
        .append(RocChart.render(m.attacks(), m.nonMembers()))
        .append("\n<figcaption>True- against false-positive rate on logarithmic axes, which show")
        .append(" what matters for privacy: how many members an attack finds while almost never")
        .append(" accusing a non-member (Carlini et al. 2022). Dots mark the reported operating")
        .append(" points; the dashed diagonal is chance.</figcaption>\n</figure>\n</section>\n");

    String eps = EpsilonChart.render(m.attacks(), m.theoretical());
    if (eps != null) {
      b.append("<section class=\"epsilon\">\n<h2>Empirical ε against the claim</h2>\n<figure>\n")
          .append(eps)
          .append("\n<figcaption>Each dot is a lower bound on ε from one attack; the band to its")
          .append(" right is the one-sided confidence interval [bound, ∞). Filled dots are")
          .append(" rigorous one-run bounds, hollow dots split-half estimates. ")
          .append(
              m.theoretical() == null
                  ? "The model claims no ε, so nothing can be refuted."
                  : "A filled dot right of the dashed claimed-ε line refutes the claim; a hollow"
                      + " one there only makes the model suspect.")
          .append("</figcaption>\n</figure>\n</section>\n");
    }

    List<String> histograms = new ArrayList<>();
    for (AttackResult a : m.attacks()) {
      String svg = HistogramChart.render(a);
      if (svg != null) {
        histograms.add("<figure>\n<h3>" + escape(a.name()) + "</h3>\n" + svg + "\n</figure>\n");
      }
    }
    if (!histograms.isEmpty()) {
      b.append("<section class=\"histograms\">\n<h2>Score distributions</h2>\n")
          .append("<p class=\"lead\">Share of members and of non-members per attack-score bin;")
          .append(" the less the two overlap, the more the model leaks.</p>\n")
          .append("<div class=\"charts\">\n");
      histograms.forEach(b::append);
      b.append("</div>\n</section>\n");
    }

    if (!m.slices().isEmpty()) {
      b.append("<section class=\"slices\">\n<h2>By label</h2>\n")
          .append(tableWrap("Attacks by label"))
          .append("<table>\n<thead><tr><th class=\"text\">attack</th><th class=\"text\">label</th>")
          .append("<th>members</th><th>non-members</th><th>AUC</th><th>TPR @ 1% FPR</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (SliceResult s : m.slices()) {
        b.append("<tr><td class=\"text\">")
            .append(escape(s.attack()))
            .append("</td><td class=\"text\">")
            .append(escape(s.label()))
            .append("</td><td>")
            .append(Numbers.count(s.members()))
            .append("</td><td>")
            .append(Numbers.count(s.nonMembers()))
            .append("</td><td>")
            .append(Numbers.format(s.auc()))
            .append("</td><td>")
            .append(Numbers.percent(s.tprAt1PctFpr()))
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table></div>\n</section>\n");
    }

    b.append("<section class=\"method\">\n<h2>How to read this</h2>\n<dl class=\"facts\">\n");
    for (AttackResult a : m.attacks()) {
      b.append("<dt>")
          .append(escape(a.name()))
          .append("</dt><dd>")
          .append(escape(orDash(a.threatModel())))
          .append(a.paper() == null ? "" : "; " + escape(a.paper()));
      if (a.epsilonLowerBound() != null && a.epsilonLowerBound().method() != null) {
        b.append("; ε lower bound (")
            .append(escape(a.epsilonLowerBound().rigor().jsonName()))
            .append("): ")
            .append(escape(a.epsilonLowerBound().method()));
      }
      if (a.epsilonEstimate() != null && a.epsilonEstimate().method() != null) {
        b.append("; ε estimate: ").append(escape(a.epsilonEstimate().method()));
      }
      b.append("</dd>\n");
    }
    b.append("</dl>\n");
    if (!m.conventions().isEmpty()) {
      b.append("<ul>\n");
      for (String c : m.conventions()) {
        b.append("<li>").append(escape(c)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }

  private static void summaryTable(StringBuilder b, MembershipResult m) {
    List<Double> fprs = new ArrayList<>();
    for (AttackResult a : m.attacks()) {
      for (TprAtFpr.Point p : a.tprAtFpr().points()) {
        if (fprs.stream().noneMatch(f -> FprKey.of(f).equals(FprKey.of(p.fpr())))) {
          fprs.add(p.fpr());
        }
      }
    }
    b.append(tableWrap("Attacks"))
        .append("<table>\n<thead><tr><th class=\"text\">attack</th>")
        .append("<th>AUC</th><th>advantage</th>");
    for (double f : fprs) {
      b.append("<th>TPR @ ").append(Numbers.format(f * 100)).append("% FPR</th>");
    }
    b.append("<th>ε lower bound (one-run)</th><th>ε estimate</th></tr></thead>\n<tbody>\n");
    for (AttackResult a : m.attacks()) {
      AttackResult.Intervals iv = a.intervals();
      b.append("<tr><td class=\"text\">")
          .append(escape(a.name()))
          .append("</td><td>")
          .append(withInterval(a.auc(), iv == null ? null : iv.auc()))
          .append("</td><td>")
          .append(withInterval(a.advantage(), iv == null ? null : iv.advantage()))
          .append("</td>");
      for (double f : fprs) {
        double tpr = Double.NaN;
        for (TprAtFpr.Point p : a.tprAtFpr().points()) {
          if (FprKey.of(p.fpr()).equals(FprKey.of(f))) {
            tpr = p.tpr();
          }
        }
        b.append("<td>").append(Numbers.percent(tpr)).append("</td>");
      }
      boundCell(b, a.epsilonLowerBound(), m.theoretical());
      boundCell(b, a.epsilonEstimate(), m.theoretical());
      b.append("</tr>\n");
    }
    if (m.attacks().isEmpty()) {
      b.append("<tr><td class=\"text\">no attacks ran</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }

  /**
   * A bound with its confidence and rigor; red when it refutes the claim, amber when it exceeds.
   */
  private static void boundCell(StringBuilder b, EpsilonLowerBound lb, Theoretical claim) {
    String cls =
        BoundText.refutes(lb, claim)
            ? " class=\"bad\""
            : BoundText.exceeds(lb, claim) ? " class=\"warn\"" : "";
    b.append("<td").append(cls).append('>');
    if (lb == null) {
      b.append("n/a");
    } else {
      b.append(Numbers.format(lb.value()))
          .append(" <span class=\"ci\">(")
          .append(Numbers.format(lb.confidence() * 100))
          .append("%, ")
          .append(escape(lb.rigor().jsonName()))
          .append(")</span>");
    }
    b.append("</td>");
  }

  private static String withInterval(double value, Interval ci) {
    String s = Numbers.format(value);
    if (ci == null) {
      return s;
    }
    return s
        + " <span class=\"ci\">["
        + Numbers.format(ci.low())
        + ", "
        + Numbers.format(ci.high())
        + "]</span>";
  }

  // ---- canary

  private static void canary(StringBuilder b, CanaryResult c) {
    b.append("<section class=\"canaries\">\n<h2>Canaries</h2>\n");
    if (c.secretsRevealed()) {
      b.append("<p class=\"warning\">This report contains the planted secrets and the")
          .append(
              " reconstructed guesses: the audit was asked to reveal them. Do not share it.</p>\n");
    }
    b.append("<p class=\"lead\">Exposure is log₂|R| − log₂ rank (Carlini et al. 2019, The Secret")
        .append(" Sharer): the bits of the secret the model gives away; its maximum, log₂|R|,")
        .append(" means the secret ranks first among all candidates.</p>\n");
    b.append(CanaryBoundsHtml.lead(c));
    b.append(tableWrap("Canaries"))
        .append("<table>\n<thead><tr><th class=\"text\">canary</th>")
        .append("<th class=\"text\">template</th><th class=\"text\">label</th>")
        .append("<th>copies</th><th>candidates</th><th>rank</th><th>exposure (bits)</th>")
        .append(CanaryBoundsHtml.headerCells())
        .append("<th class=\"text\">extracted</th><th>slot accuracy</th>")
        .append("<th class=\"text\">method</th>");
    if (c.secretsRevealed()) {
      b.append("<th class=\"text\">secret</th><th class=\"text\">best guess</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (CanaryFinding f : c.canaries()) {
      String exposure;
      if (f.exposureBits() != null) {
        exposure = Numbers.format(f.exposureBits());
      } else if (f.extrapolatedExposureBits() != null) {
        exposure = "≈" + Numbers.format(f.extrapolatedExposureBits());
      } else {
        exposure = "n/a";
      }
      exposure = escape(exposure + " of " + Numbers.format(ExposureChart.log2(f.candidates())));
      if (f.exposureBits() == null && f.extrapolatedExposureBits() != null) {
        exposure += " <span class=\"ci\">(extrapolated)</span>";
      }
      boolean extracted = Boolean.TRUE.equals(f.extracted());
      b.append("<tr><td class=\"text\">")
          .append(escape(f.id()))
          .append("</td><td class=\"text wrap mono\">")
          .append(escape(f.template()))
          .append("</td><td class=\"text\">")
          .append(escape(orDash(f.label())))
          .append("</td><td>")
          .append(f.repetitions() == null ? "n/a" : Numbers.count(f.repetitions()))
          .append("</td><td>")
          .append(Numbers.count(f.candidates()))
          .append("</td><td>")
          .append(f.rank() == null ? "n/a" : Numbers.count(f.rank()))
          .append("</td><td>")
          .append(exposure)
          .append("</td>")
          .append(CanaryBoundsHtml.cells(f, c.theoretical()))
          .append("<td class=\"text")
          .append(extracted ? " bad\">yes" : f.extracted() == null ? "\">unknown" : "\">no")
          .append("</td><td>")
          .append(f.slotAccuracy() == null ? "n/a" : Numbers.format(f.slotAccuracy() * 100) + "%")
          .append("</td><td class=\"text\">")
          .append(escape(orDash(f.method())))
          .append("</td>");
      if (c.secretsRevealed()) {
        b.append("<td class=\"text mono\">")
            .append(escape(orDash(f.secret())))
            .append("</td><td class=\"text mono\">")
            .append(
                escape(
                    f.guesses() == null || f.guesses().isEmpty()
                        ? "-"
                        : f.guesses().get(0).secret()))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    if (c.canaries().isEmpty()) {
      b.append("<tr><td class=\"text\">no canaries</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
    String chart = ExposureChart.render(c.canaries());
    if (chart != null) {
      b.append("<figure>\n")
          .append(chart)
          .append("\n<figcaption>Exposure of each canary against its maximum log₂|R|;")
          .append(" red bars were extracted, ≈ marks exposure extrapolated from a skew-normal")
          .append(" fit to sampled candidates.</figcaption>\n</figure>\n");
    }
    b.append("</section>\n");
    CanaryBoundsHtml.auditSet(b, c);
    runs(b, c);
  }

  private static void runs(StringBuilder b, CanaryResult c) {
    if (c.canaries().stream().allMatch(f -> f.runs().isEmpty())) {
      return;
    }
    b.append("<section class=\"runs\">\n<h2>Extraction runs</h2>\n")
        .append(tableWrap("Extraction runs"))
        .append("<table>\n<thead><tr><th class=\"text\">canary</th><th class=\"text\">method</th>")
        .append("<th class=\"text\">extracted</th><th>slot accuracy</th><th>scored</th>")
        .append("<th>per second</th><th>wall (s)</th></tr></thead>\n<tbody>\n");
    for (CanaryFinding f : c.canaries()) {
      for (CanaryFinding.MethodRun r : f.runs()) {
        b.append("<tr><td class=\"text\">")
            .append(escape(f.id()))
            .append("</td><td class=\"text\">")
            .append(escape(r.method()))
            .append("</td><td class=\"text\">")
            .append(r.extracted() == null ? "unknown" : r.extracted() ? "yes" : "no")
            .append("</td><td>")
            .append(r.slotAccuracy() == null ? "n/a" : Numbers.format(r.slotAccuracy() * 100) + "%")
            .append("</td><td>")
            .append(Numbers.count(r.candidatesScored()))
            .append("</td><td>")
            .append(rate(r.candidatesPerSecond()))
            .append("</td><td>")
            .append(Numbers.format(r.wallSeconds()))
            .append("</td></tr>\n");
      }
    }
    b.append("</tbody>\n</table></div>\n</section>\n");
  }

  // ---- provenance

  private static void provenance(StringBuilder b, Provenance p) {
    b.append("<footer class=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"facts\">\n");
    fact(b, "trustml", p.trustmlVersion());
    fact(b, "DJL / PyTorch", p.djlVersion() + " / " + p.pytorchVersion());
    if (p.model() != null) {
      fact(b, "model", p.model().path());
      fact(b, "model sha256", p.model().sha256());
    }
    for (Provenance.DataRef d : p.data()) {
      fact(
          b,
          d.role(),
          d.path() + " (" + Numbers.count(d.rows()) + " rows, sha256 " + d.sha256() + ")");
    }
    fact(b, "seed", Long.toString(p.seed()));
    fact(b, "started", p.startedAt());
    b.append("</dl>\n</footer>\n");
  }

  private static void fact(StringBuilder b, String name, String value) {
    b.append("<dt>")
        .append(escape(name))
        .append("</dt><dd class=\"mono\">")
        .append(escape(orDash(value)))
        .append("</dd>\n");
  }

  private static String claim(Theoretical t) {
    if (t == null) {
      return "no DP claim";
    }
    return "claimed ε = "
        + Numbers.format(t.epsilon())
        + ", δ = "
        + Numbers.format(t.delta())
        + (t.accountant() == null ? "" : " (" + t.accountant() + " accountant)");
  }

  /** Throughput: whole numbers with separators once they are large. */
  private static String rate(double perSecond) {
    return perSecond >= 1000 && Double.isFinite(perSecond)
        ? Numbers.count(Math.round(perSecond))
        : Numbers.format(perSecond);
  }

  /**
   * The box a wide table scrolls in on a narrow screen. It takes keyboard focus and is a named
   * region, so keyboard and screen-reader users can scroll it too (WCAG 2.1.1; axe-core's
   * scrollable-region-focusable rule).
   */
  private static String tableWrap(String label) {
    return "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\""
        + escape(label)
        + "\">";
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }

  private static String loadCss() {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
