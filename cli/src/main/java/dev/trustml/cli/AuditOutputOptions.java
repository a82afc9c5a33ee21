package dev.trustml.cli;

import dev.trustml.audit.AuditScores;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Output files and CI-gate options shared by the audit commands (a {@code @Mixin}). */
final class AuditOutputOptions {
  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
  Path json;

  @Option(
      names = "--scores-csv",
      paramLabel = "FILE",
      description = "Write per-row attack scores (row numbers, never text) as CSV.")
  Path scoresCsv;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output on stderr.")
  boolean quiet;

  /** Refuses output paths that cannot work before any long computation starts. */
  void check(Path modelDir) throws UsageException {
    for (Path p : outputs()) {
      Path abs = p.toAbsolutePath().normalize();
      if (modelDir != null && abs.startsWith(modelDir.toAbsolutePath().normalize())) {
        throw new UsageException(
            p + ": output path is inside the model directory; write reports elsewhere");
      }
      if (Files.isDirectory(abs)) {
        throw new UsageException(p + ": is a directory; give a file name for the output");
      }
      Path parent = abs.getParent();
      if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
        throw new UsageException(p + ": directory is not writable; choose another output path");
      }
      if (parent != null && !Files.exists(parent)) {
        throw new UsageException(p + ": directory " + parent + " does not exist; create it first");
      }
    }
  }

  List<Path> outputs() {
    List<Path> all = new ArrayList<>();
    for (Path p : new Path[] {json, scoresCsv}) {
      if (p != null) {
        all.add(p);
      }
    }
    return all;
  }

  /** Writes the asked-for files, each atomically. */
  void write(Object result, AuditScores scores, PrintWriter out) throws TrustmlException {
    try {
      if (json != null) {
        AtomicFiles.write(json, Json.mapper().writeValueAsBytes(result));
        out.println("wrote " + json);
      }
      if (scoresCsv != null && scores != null) {
        ScoresCsvWriter.write(scoresCsv, scores);
        out.println("wrote " + scoresCsv);
      }
    } catch (IOException e) {
      throw new TrustmlException(
          ExitCode.BAD_INPUT, "cannot write the report (" + e.getMessage() + ")", e);
    }
  }

  /** Exit code after the CI gate checks (none yet: 0). */
  int gate(Object result, PrintWriter out, PrintWriter err) {
    return ExitCode.OK.code();
  }
}
