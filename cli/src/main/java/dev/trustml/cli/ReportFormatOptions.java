package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.reports.ReportFormat;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.AuditResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * One option per report format of {@link ReportFormat} ({@code --json FILE}, {@code --html FILE},
 * ...), a picocli {@code @Mixin}. The options are built from the registry while picocli builds the
 * command, so a new format appears on every command that writes reports (the audits and {@code
 * report render}) without an edit here, and the commands can never list different formats.
 */
final class ReportFormatOptions {
  private final Set<ReportFormat> offered;
  private final Map<ReportFormat, OptionSpec> options = new EnumMap<>(ReportFormat.class);

  /** Every format (what picocli creates for a {@code @Mixin} field left null). */
  ReportFormatOptions() {
    this(EnumSet.allOf(ReportFormat.class));
  }

  private ReportFormatOptions(Set<ReportFormat> offered) {
    this.offered = offered;
  }

  /**
   * Every format except {@code left}: e.g. {@code report render} reads the JSON, never writes it.
   */
  static ReportFormatOptions without(ReportFormat left) {
    return new ReportFormatOptions(EnumSet.complementOf(EnumSet.of(left)));
  }

  /**
   * Picocli calls this while it builds this mixin, before it copies the mixin's options into the
   * command: one {@code --ID FILE} option per offered format, in the registry's order.
   */
  @Spec
  void addOptions(CommandSpec self) {
    for (ReportFormat f : offered) {
      OptionSpec o =
          OptionSpec.builder(option(f))
              .paramLabel("FILE")
              .type(Path.class)
              .description(description(f))
              .build();
      self.addOption(o);
      options.put(f, o);
    }
  }

  /** The option of a format: {@code --html}. */
  static String option(ReportFormat f) {
    return "--" + f.id();
  }

  /** The help text of a format's option. */
  static String description(ReportFormat f) {
    return "Write "
        + f.description()
        + (f.needsGate() ? " (needs --fail-if or --policy)" : "")
        + ".";
  }

  /** The formats asked for, with their files, in the registry's order. */
  Map<ReportFormat, Path> requested() {
    Map<ReportFormat, Path> chosen = new LinkedHashMap<>();
    options.forEach(
        (f, o) -> {
          Path p = o.getValue();
          if (p != null) {
            chosen.put(f, p);
          }
        });
    return chosen;
  }

  /** The files asked for. */
  List<Path> files() {
    return List.copyOf(requested().values());
  }

  /**
   * Checks, before anything is read or computed, that each output names a file and that a format
   * reporting the gate has checks to report.
   */
  void check(GatePolicy policy) throws UsageException {
    for (Map.Entry<ReportFormat, Path> e : requested().entrySet()) {
      OutputPaths.requireFile(e.getValue());
      if (e.getKey().needsGate() && policy.isEmpty()) {
        throw new UsageException(
            option(e.getKey())
                + " writes "
                + e.getKey().description()
                + ": add --fail-if CHECK or --policy FILE (e.g. --fail-if 'auc>0.6')");
      }
    }
  }

  /**
   * Writes every requested report, each atomically, and prints {@code wrote FILE} for each.
   *
   * @param gate the gate's outcome, or null when no checks were given
   * @return whether any report was asked for
   */
  boolean write(AuditResult result, GateReport gate, PrintWriter out) throws TrustmlException {
    Map<ReportFormat, Path> chosen = requested();
    for (Map.Entry<ReportFormat, Path> e : chosen.entrySet()) {
      try {
        e.getKey().write(e.getValue(), result, gate);
      } catch (IOException ex) {
        throw new TrustmlException(
            ExitCode.BAD_INPUT,
            e.getValue() + ": cannot write the report (" + ex.getMessage() + ")",
            ex);
      }
      out.println("wrote " + e.getValue());
    }
    return !chosen.isEmpty();
  }
}
