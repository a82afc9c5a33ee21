package dev.trustml.reports;

import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.RocPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;

/**
 * Results as CSV for spreadsheets and plotting scripts: a membership result as its ROC points
 * ({@code attack,fpr,tpr}), a canary result as its findings table. Numbers are written in full
 * precision (Java's shortest round-trip form); a value that was not measured is an empty field.
 */
public final class CsvRenderer {
  /** RFC 4180 quoting with Unix line ends: trustml's one CSV dialect. */
  static final CSVFormat FORMAT = LabeledCsvWriter.FORMAT;

  private CsvRenderer() {}

  /** The CSV of a result: ROC points for membership, the findings table for canaries. */
  public static String render(AuditResult result) {
    StringBuilder b = new StringBuilder();
    try {
      print(result, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return b.toString();
  }

  private static void print(AuditResult result, Appendable out) throws IOException {
    // CSVFormat's own printing: CSVPrinter carries a SpotBugs annotation javac warns about.
    if (result instanceof MembershipResult m) {
      FORMAT.printRecord(out, "attack", "fpr", "tpr");
      for (AttackResult a : m.attacks()) {
        for (RocPoint p : a.roc()) {
          FORMAT.printRecord(out, a.name(), number(p.fpr()), number(p.tpr()));
        }
      }
    } else {
      FORMAT.printRecord(
          out,
          "id",
          "template",
          "label",
          "repetitions",
          "candidates",
          "rank",
          "exposure_bits",
          "extrapolated_exposure_bits",
          "extracted",
          "slot_accuracy",
          "method",
          "epsilon_lb",
          "epsilon_lb_rigor",
          "epsilon_lb_p_value");
      for (CanaryFinding f : ((CanaryResult) result).canaries()) {
        CanaryBound bound = f.primaryBound();
        FORMAT.printRecord(
            out,
            f.id(),
            f.template(),
            f.label(),
            f.repetitions(),
            f.candidates(),
            f.rank(),
            number(f.exposureBits()),
            number(f.extrapolatedExposureBits()),
            f.extracted(),
            number(f.slotAccuracy()),
            f.method(),
            bound == null ? "" : number(bound.value()),
            bound == null ? "" : bound.rigor().jsonName(),
            bound == null ? "" : number(bound.pValue()));
      }
    }
  }

  /** A CSV number: shortest round-trip form, empty when not measured. */
  static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static String number(Double v) {
    return v == null ? "" : number(v.doubleValue());
  }

  static Writer writer(OutputStream out) {
    return new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
